export { default } from "@wardpanel/tooling/vitest";
