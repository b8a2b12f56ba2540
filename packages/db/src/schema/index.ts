export * from "./panels";
export * from "./people";
export * from "./wards";
export * from "./meetings";
