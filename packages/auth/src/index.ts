export * from "./password";
export * from "./tokens";
export * from "./common-passwords";
