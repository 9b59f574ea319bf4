/** Types of the linebreak package (UAX #14), which ships none: the part src/ui/layout.ts uses. */
declare module 'linebreak' {
  export class LineBreaker {
    constructor(text: string);
    /** The next place a line may start: a string offset, and whether the break is mandatory. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
