/**
 * Draws the report's Vega-Lite charts to SVG in Node, without a browser: vega-lite compiles each
 * specification, vega renders it headless (renderer 'none', then toSVG). Loaded only by `report`:
 * these libraries cost start-up time no other command should pay.
 */
import type { ChartSpec } from '../ui/views/report.js';

/**
 * Each chart as an inline SVG element, in order; namespaces dropped (HTML needs none), nothing external.
 * The specifications carry their aria labels in the report's language (src/ui/views/report.ts); the
 * role names Vega writes itself ("axis", "legend", "bar") are said by `roles`, by their English name.
 */
export async function renderCharts(specs: ChartSpec[], roles: Record<string, string> = {}): Promise<string[]> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const out: string[] = [];
  for (const spec of specs) {
    const compiled = describeGuides(vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec as unknown as Guided) as unknown as ReturnType<typeof vl.compile>['spec'];
    // no loader: the data is inside the specification, and nothing may be fetched
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refuseLoads() as never });
    try {
      const svg = await view.toSVG();
      const named = svg.replace(/ aria-roledescription="([^"]*)"/g, (whole, role: string) => (roles[role] ? ` aria-roledescription="${escapeAttr(roles[role])}"` : whole));
      out.push(named.replace(/ xmlns(:xlink)?="[^"]*"/g, '').replace(/<svg /, `<svg role="img"${ariaLabel(spec)} `));
    } finally {
      view.finalize();
    }
  }
  return out;
}

type Guide = { description?: string; encode?: Record<string, { update?: Record<string, unknown> }> };
type Guided = { axes?: Guide[]; legends?: Guide[] };

/**
 * An axis's or a legend's description as its aria label. Vega puts the description on the guide's mark,
 * but its SVG renderer labels a guide by the description of the guide's item, else by an English
 * caption it makes up ("X-axis for a discrete scale with 2 values: …"): the description is copied to
 * the item through the guide's own encoding, and the item is hidden from screen readers, which would
 * otherwise read the label twice (the guide's, then its item's as a "group mark").
 */
function describeGuides<T extends Guided>(spec: T): T {
  const give = (guides: Guide[] | undefined, part: 'axis' | 'legend') => {
    for (const g of guides ?? []) {
      if (g.description === undefined) continue;
      const encode = g.encode ?? {};
      encode[part] = { ...encode[part], update: { ...encode[part]?.update, description: { value: g.description }, aria: { value: false } } };
      g.encode = encode;
    }
  };
  give(spec.axes, 'axis');
  give(spec.legends, 'legend');
  return spec;
}

/** The chart's description as the label of its <svg role="img">: what a screen reader says of the whole picture. */
function ariaLabel(spec: ChartSpec): string {
  return typeof spec.description === 'string' ? ` aria-label="${escapeAttr(spec.description)}"` : '';
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A vega loader that loads nothing: a chart that asked for a URL would be a bug, not a download. */
function refuseLoads() {
  const no = async (uri: unknown) => {
    throw new Error(`the report loads nothing from outside (asked for ${String(uri)})`);
  };
  return { load: no, sanitize: no, http: no, file: no };
}
