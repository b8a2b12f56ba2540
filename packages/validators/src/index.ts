export * from "./people";
export * from "./roles";
export * from "./wards";
export * from "./errors";
export * from "./meetings";
