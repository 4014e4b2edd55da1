// Ask: answers with confidence and citations that open the article at the span; when sources
// disagree the answers stand side by side; an abstention shows its reason.
import { getJSON } from "../api.js";
import { articleUrl, errorBox, h, markedText } from "../dom.js";

export async function renderAsk(params) {
  const q = params.get("q") || "";
  const form = h("form", { class: "filters", action: "/", method: "get" },
    h("input", { type: "hidden", name: "view", value: "ask" }),
    h("label", {}, "Question ", h("input", { type: "search", name: "q", value: q, required: true,
      placeholder: "How many soldiers were killed?" })),
    h("button", { type: "submit" }, "Ask"));
  if (!q) return h("div", {}, h("h1", {}, "Ask"), form);
  let result;
  try {
    result = await getJSON("/ask", { q });
  } catch (error) {
    return h("div", {}, h("h1", {}, "Ask"), form, errorBox(error));
  }
  const reading = result.interpretation;
  return h("div", {},
    h("h1", {}, "Ask"),
    form,
    h("p", { class: "muted" }, `Read as ${reading.type}`,
      reading.field ? ` · ${reading.field}${reading.kind ? `/${reading.kind}` : ""}` : "",
      reading.focus ? ` · about ${reading.focus}` : ""),
    result.abstained
      ? h("p", { class: "abstained", role: "status" }, h("strong", {}, "No answer. "), result.reason)
      : [
        result.disputed
          ? h("p", { class: "badge-line" }, h("span", { class: "badge" }, "disputed"),
            ` The sources state ${result.answers.length} different answers, side by side:`)
          : null,
        h("ol", { class: result.disputed ? "answers side-by-side" : "answers" },
          result.answers.map(answer)),
      ]);
}

function answer(item) {
  const percent = Math.round(item.confidence * 100);
  return h("li", { class: "answer", "data-answer": item.text },
    h("p", { class: "answer-text" }, item.text),
    h("p", {}, h("meter", { min: 0, max: 1, value: item.confidence,
      "aria-label": "confidence" }), ` ${percent}% confidence`),
    item.sources?.length ? h("p", { class: "muted" }, `Sources: ${item.sources.join(", ")}`) : null,
    item.attributed_to?.length
      ? h("p", { class: "muted" }, `Attributed to: ${item.attributed_to.join(", ")}`) : null,
    h("ul", { class: "citations" }, (item.citations || []).map((c) => h("li", {
      class: "citation", "data-article": c.article_id, "data-start": c.start, "data-end": c.end,
    }, h("a", { href: articleUrl(c.article_id, { start: c.start, end: c.end }) },
      c.title || `article ${c.article_id}`),
    h("span", { class: "muted" }, ` ${c.source || `article ${c.article_id}`}`),
    c.sentence ? h("blockquote", {}, markedText(c.sentence.text, c.sentence.start, [c]))
      : h("blockquote", {}, h("mark", {}, c.text))))));
}
