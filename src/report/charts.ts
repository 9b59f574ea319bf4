/**
 * Draws the report's Vega-Lite charts to SVG in Node, without a browser: vega-lite compiles each
 * specification, vega renders it headless (renderer 'none', then toSVG). Loaded only by `report`:
 * these libraries cost start-up time no other command should pay.
 */
import type { ChartSpec } from '../ui/views/report.js';

/** Each chart as an inline SVG element, in order; namespaces dropped (HTML needs none), nothing external. */
export async function renderCharts(specs: ChartSpec[]): Promise<string[]> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const out: string[] = [];
  for (const spec of specs) {
    const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
    // no loader: the data is inside the specification, and nothing may be fetched
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refuseLoads() as never });
    try {
      const svg = await view.toSVG();
      out.push(svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '').replace(/<svg /, '<svg role="img" '));
    } finally {
      view.finalize();
    }
  }
  return out;
}

/** A vega loader that loads nothing: a chart that asked for a URL would be a bug, not a download. */
function refuseLoads() {
  const no = async (uri: unknown) => {
    throw new Error(`the report loads nothing from outside (asked for ${String(uri)})`);
  };
  return { load: no, sanitize: no, http: no, file: no };
}
