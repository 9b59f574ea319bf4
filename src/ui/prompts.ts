/**
 * The four @inquirer prompts this program uses, named statically: a dynamic import of
 * '@inquirer/prompts' itself keeps every prompt it offers (the editor, search…) in the bundle that
 * loads before the first question; this module lets the bundler leave them out.
 */
export { checkbox, confirm, input, select } from '@inquirer/prompts';
