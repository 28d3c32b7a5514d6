// The Node entry (the package's "node" condition): the same API as
// diary_rules.js, ready when imported (no init(), English loaded).
export * from "./diary_rules.js";
export { default } from "./diary_rules.js";
