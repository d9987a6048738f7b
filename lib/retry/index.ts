export * from "./policy";
export * from "./random";
export * from "./backoff";
export * from "./classify";
