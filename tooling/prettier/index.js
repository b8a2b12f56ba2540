/**
 * The one code format. 120 columns because the codebase favours one-line calls and long
 * descriptive names; everything else is Prettier's default, so nobody has to remember a choice.
 * @type {import("prettier").Config}
 */
export default {
  printWidth: 120,
};
