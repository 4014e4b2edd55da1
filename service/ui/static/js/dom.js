// Building the page from data: elements, links to views, text with marked spans.

/** An element with attributes (`class`, `data-*`, `aria-*`, …) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children. */
export function s(tag, attrs, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) element.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) element.append(child);
  }
  return element;
}

/** The dashboard URL of a view with its state (`view` first, empty values left out). */
export function viewUrl(view, params) {
  const search = new URLSearchParams();
  if (view && view !== "overview") search.set("view", view);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `/?${text}` : "/";
}

/** A link to an article in the Article view, optionally at a span or a fact. */
export function articleUrl(articleId, { start, end, fact } = {}) {
  return viewUrl("article", { id: articleId, start, end, fact });
}

/**
 * Offsets from the API are Python str indices (code points); JavaScript strings index UTF-16
 * units. `CodePoints` slices by code point so `text[start:end]` means what the API says.
 */
export class CodePoints {
  constructor(text) {
    this.chars = Array.from(text);
  }
  get length() {
    return this.chars.length;
  }
  slice(start, end) {
    return this.chars.slice(start, end).join("");
  }
}

/**
 * `text` (which starts at offset `base` of its article) with `spans` (`{start, end}` in article
 * offsets) wrapped in `<mark>` elements carrying their offsets; overlapping spans merge.
 */
export function markedText(text, base, spans) {
  const points = new CodePoints(text);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start - base, at);
    const end = Math.min(span.end - base, points.length);
    if (end <= start) continue;
    fragment.append(points.slice(at, start));
    fragment.append(h("mark", { "data-start": base + start, "data-end": base + end },
      points.slice(start, end)));
    at = end;
  }
  fragment.append(points.slice(at));
  return fragment;
}

/** A short line for an error from the API or the network. */
export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, error.message || String(error));
}

/** "source · date" for an article or hit, with fallbacks the API uses. */
export function byline(source, published, articleId) {
  return [source || `article ${articleId}`, published || "undated"].join(" · ");
}

/** A value of a fact as one short line. */
export function valueText(fact) {
  const value = fact.value || {};
  switch (fact.field) {
    case "casualties":
      return figureText({ ...value, qualifier: fact.qualifier })
        + (value.victims ? ` ${value.victims}` : "");
    case "equipment": return [value.count, value.type].filter((x) => x != null).join(" ");
    case "places": return [value.canonical || value.name, value.country].filter(Boolean).join(", ");
    case "dates": return [value.iso, value.role].filter(Boolean).join(" · ");
    case "quotes": return value.speaker ? `${value.speaker} ${value.verb || ""}`.trim() : "speaker not said";
    case "quantities": return [value.number, value.unit].filter((x) => x != null).join(" ");
    default: return [value.name, value.role].filter(Boolean).join(", ");
  }
}

/** A stated figure with its hedge: "62", "at least 80", "more than 60", "30 to 62". */
export function figureText(value) {
  const { stated, min, max } = value;
  switch (value.qualifier) {
    case "range": return `${min} to ${max}`;
    case "at_least": return `${min != null && min > stated ? "more than" : "at least"} ${stated}`;
    case "at_most": return `${max != null && max < stated ? "fewer than" : "up to"} ${stated}`;
    case "approx": return `about ${stated}`;
    case "vague": return `${stated} or more (vague)`;
    default: return String(stated);
  }
}
