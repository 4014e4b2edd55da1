// Claims: per claim group, each source's stated figures as marks on a number line (points for
// figures, bars for intervals), disputed groups flagged, the picks and every citation.
import { collect } from "../api.js";
import { articleUrl, figureText, h, s, viewUrl } from "../dom.js";

const GROUP_LIMIT = 200;
const PICKS = [["conservative", "Conservative"], ["most_cited", "Most cited"], ["highest", "Highest"]];

export async function renderClaims(params) {
  const filters = {
    field: params.get("field") || "", kind: params.get("kind") || "",
    disputed: params.get("disputed") || "",
  };
  const groups = await collect("/claims", filters, "claims", GROUP_LIMIT);
  return h("div", {},
    h("h1", {}, "Claims"),
    h("p", { class: "filters" },
      h("a", { href: viewUrl("claims", {}) }, "All groups"), " · ",
      h("a", { href: viewUrl("claims", { ...filters, disputed: "true" }) }, "Disputed only"),
      " · ", h("a", { href: viewUrl("claims", { field: "casualties" }) }, "Casualties")),
    groups.length ? null : h("p", { class: "muted" }, "No claim groups match."),
    groups.map(group));
}

function group(claim, index) {
  const title = [claim.subject, claim.kind, claim.event].filter(Boolean).join(" · ");
  return h("section", { class: `claim${claim.disputed ? " disputed" : ""}`,
    "data-group": index, "aria-labelledby": `claim-${index}` },
  h("h2", { id: `claim-${index}` }, `${claim.field}: ${title}`,
    claim.disputed ? h("span", { class: "badge" }, "disputed") : null),
  chart(claim, index),
  h("ul", { class: "picks" }, PICKS.filter(([key]) => claim.picks?.[key]).map(([key, label]) => {
    const pick = claim.picks[key];
    return h("li", {}, h("strong", {}, `${label}: ${figureText(pick.value)}`),
      ` (${pick.value.sources.join(", ")}) — ${pick.rule}`);
  })),
  h("div", { class: "table-wrap" }, h("table", { class: "figures" },
    h("thead", {}, h("tr", {}, ["figure", "sources", "attributed to", "citations"]
      .map((name) => h("th", { scope: "col" }, name)))),
    h("tbody", {}, claim.values.map((value) => h("tr", {},
      h("td", {}, figureText(value)),
      h("td", {}, value.sources.join(", ")),
      h("td", {}, value.attributed_to.join(", ")),
      h("td", {}, value.citations.map((c, i) => [i ? " " : "", h("a", {
        href: articleUrl(c.article_id, { start: c.start, end: c.end }), class: "citation",
      }, `“${c.text}”`)]))))))));
}

/** One row per source; a mark for each figure that source states. */
function chart(claim, index) {
  const sources = [...new Set(claim.values.flatMap((v) => v.sources))];
  const ends = claim.values.flatMap((v) => [v.stated, v.min, v.max]).filter((x) => x != null);
  const top = niceCeiling(Math.max(...ends, 1) * 1.1);
  const width = 640, left = 150, right = 20, axis = 28;
  // Each source's figures get a lane of their own within its row, so marks never overlap.
  const lanes = sources.map((source) => claim.values.filter((v) => v.sources.includes(source)));
  const laneHeight = 12, rowPad = 14;
  const rowTops = [];
  let height = 0;
  for (const figures of lanes) {
    rowTops.push(height);
    height += figures.length * laneHeight + rowPad;
  }
  const x = (value) => left + ((width - left - right) * value) / top;
  const rows = sources.map((source, i) => {
    const middle = rowTops[i] + (lanes[i].length * laneHeight + rowPad) / 2;
    const marks = lanes[i].map((v, j) => {
      const y = rowTops[i] + rowPad / 2 + j * laneHeight + laneHeight / 2;
      const low = v.min ?? 0;
      const high = v.max ?? top;
      const interval = low !== high;
      return s("g", { class: `figure q-${v.qualifier}`, "data-stated": v.stated,
        "data-source": source },
      s("title", {}, `${source}: ${figureText(v)}`),
      interval ? s("line", { x1: x(low), x2: x(high), y1: y, y2: y, class: "interval" }) : null,
      s("circle", { cx: x(v.stated), cy: y, r: 5 }),
      s("text", { x: x(v.stated) + 8, y: y + 4, class: "figure-label" }, figureText(v)));
    });
    return s("g", { class: "source-row" },
      s("text", { x: left - 8, y: middle + 4, class: "label", "text-anchor": "end" },
        source.length > 22 ? `${source.slice(0, 21)}…` : source),
      s("line", { x1: left, x2: width - right, y1: rowTops[i] + 1, y2: rowTops[i] + 1,
        class: "rule" }),
      marks);
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(top * f));
  const axisY = height + 6;
  height += axis;
  return h("figure", { class: "chart" }, s("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `claim-${index}`,
  }, rows, ticks.map((t) => s("g", { class: "tick" },
    s("line", { x1: x(t), x2: x(t), y1: axisY - 4, y2: axisY, class: "rule" }),
    s("text", { x: x(t), y: axisY + 14, "text-anchor": "middle" }, String(t))))));
}

function niceCeiling(value) {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}
