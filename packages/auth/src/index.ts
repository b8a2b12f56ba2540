export * from "./common-passwords";
export * from "./password";
export * from "./tokens";
