// How explicit is this profile line?  A transparent, rule-based score (a teaching device).
// Port of meishi.models.profile_reader (Python is the reference; parity-tested against
// tests/cases/profile_lines.json).  The rules, messages and word lists are the Python
// module's, character for character; see its notes.  Spans are code-point offsets into the
// cleaned text (JavaScript strings are UTF-16, so match offsets are converted).

export const MAX_CHARS = 300;
export const MAX_SCORE = 10;

// -- the word lists (regular-expression fragments; English in lower case) -------------------
export const FIRST_PERSON_EN = ["i['’]ve", "i['’]m", "my", "me", "i"];
export const ACHIEVEMENT_VERBS_EN = ["led", "achieved", "grew", "increased", "built", "launched",
  "delivered", "won", "drove", "generated", "exceeded", "spearheaded", "founded", "created",
  "doubled", "tripled", "boosted"];
export const FIRST_PERSON_JA = ["私(?!たち|達|ども|共)", "僕(?!たち|達|ら)", "自分(?!たち|達)"];
export const ACHIEVEMENT_VERBS_JA = ["達成", "実現", "牽引", "主導", "獲得"];
export const SUPERLATIVES_EN = ["award[-‐ ]winning", "world[-‐ ]class", "first[-‐ ]ever",
  "number one", String.raw`no\. ?1`, "#1", "best", "top", "leading", "largest", "fastest",
  "unmatched"];
export const SUPERLATIVES_JA = ["日本一", "業界初", "業界トップ", "首位",
  "最高(?!経営|執行|技術|財務|情報|責任)", "最大", "(?<![ァ-ヺー])トップ"];
export const ACHIEVEMENT_WORDS_JA = ["達成", "実現", "成功", "獲得", "受賞", "表彰"];
export const MODESTY_EN = ["we(?:['’](?:ve|re|d|ll))?", "(?:our|the) team(?:s|['’]s)?",
  "together", "thanks to", "fortunate(?:ly)?", "lucky", "happened to"];
export const MODESTY_JA = ["チーム", "皆様", "皆さん", "おかげ", "お陰", "させていただ", "させて頂",
  "恐縮", "微力", "運よく", "運良く", "幸い"];

// -- building blocks ---------------------------------------------------------------------
const BEFORE = "(?<![a-z0-9])";
const AFTER = "(?![a-z0-9]|['’][a-z])";
const NUM = String.raw`(?<![0-9])(?<![0-9][.,])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?`;
const MONEY_BEFORE = `[$¥€] ?${NUM}` +
  "(?: ?(?:(?:k|m|mm|bn|b|million|billion|thousand)(?![a-z])|億円?|万円?))?";
const UNIT_AFTER = `${NUM}(?: ?[〜~–-] ?${NUM})? ?` +
  "(?:%|倍|×|x(?![a-z])|-fold(?![a-z])|times(?![a-z]))";
const YEN_AFTER = `${NUM}(?:億(?:${NUM})?万?|千万|百万|万)?円`;
const KANJI_MULTIPLE = "[一二三四五六七八九十百千数何]+倍";
export const GROWTH_PATTERNS = [MONEY_BEFORE, UNIT_AFTER, YEN_AFTER, KANJI_MULTIPLE];

const english = (words) => `${BEFORE}(?:${words.join("|")})${AFTER}`;
const either = (en, ja) => `${english(en)}|${ja.join("|")}`;

export const PRONOUN_PATTERN = either(FIRST_PERSON_EN, FIRST_PERSON_JA);
export const VERB_PATTERN = either(ACHIEVEMENT_VERBS_EN, ACHIEVEMENT_VERBS_JA);

const rule = (category, pattern, points, limit, text, en, ja) =>
  Object.freeze({ category, pattern, points, limit, rule: text, english: en, japanese: ja });

/** The rules in order: {category, pattern, points, limit, rule, english, japanese}. */
export const RULES = Object.freeze([
  rule("first_person_achievement", `${PRONOUN_PATTERN}|${VERB_PATTERN}`, 2, 1,
    "A first-person word together with an achievement verb claims the result for " +
    "oneself (+2, once per line).",
    "Part of the team that delivered the project, looking after the planning.",
    "チームの一員としてプロジェクトに携わり、計画を担当しました。"),
  rule("superlative", either(SUPERLATIVES_EN, SUPERLATIVES_JA), 1, 2,
    "A superlative or a rank puts oneself above others (+1 each, at most 2).",
    "Well regarded by colleagues and clients.",
    "社内外の方々から評価をいただいております。"),
  rule("growth_number", GROWTH_PATTERNS.join("|"), 1, 3,
    "A percentage, a multiple or a money amount makes the achievement measurable and " +
    "prominent (+1 each, at most 3).",
    "Contributed to steady growth in sales.",
    "売上の伸びに貢献しました。"),
  rule("achievement_word_ja", ACHIEVEMENT_WORDS_JA.join("|"), 1, 2,
    "A Japanese achievement word names a success outright (+1 each, at most 2).",
    "Worked towards the goal together with the team.",
    "目標に向けてチームで取り組みました。"),
  rule("modesty_marker", either(MODESTY_EN, MODESTY_JA), -1, 3,
    "Sharing the credit or playing one's part down reads as modest (−1 each, at most 3).",
    "", ""),
]);
const COMPILED = RULES.map((r) => new RegExp(r.pattern, "gu"));
const PRONOUN = new RegExp(PRONOUN_PATTERN, "gu");
const VERB = new RegExp(VERB_PATTERN, "gu");

const BREAKS = new Set(["\t", "\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85"]);
const INVISIBLE = /^[\p{Cf}\p{Cc}\p{Cs}]$/u;
const SPACE = "[ \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const EDGES = new RegExp(`^${SPACE}+|${SPACE}+$`, "gu");
const WORDY = /[\p{L}\p{N}]/u;

/** [cleaned text, how many invisible characters were removed] (as Python's clean_line). */
export function cleanLine(text) {
  const raw = text == null ? "" : String(text);
  let kept = "";
  let removed = 0;
  for (const ch of raw.normalize("NFKC")) {
    if (BREAKS.has(ch)) kept += " ";
    else if (INVISIBLE.test(ch)) removed += 1;
    else kept += ch;
  }
  return [kept.replace(EDGES, ""), removed];
}

const codePoints = (s) => Array.from(s).length;

/** UTF-16 offset -> code-point offset, for every offset 0..text.length. */
function codePointIndex(text) {
  const map = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; cp++) {
    const width = text.codePointAt(i) > 0xffff ? 2 : 1;
    for (let k = 0; k < width; k++) map[i + k] = cp;
    i += width;
  }
  map[text.length] = cp;
  return map;
}

const register = (score) => (score <= 1 ? "understated" : score <= 4 ? "moderate" : "explicit");

const refuse = (kind, message, text, removed) => ({
  ok: false, kind, message, text, removed, markers: [], score: 0, register: "", alternatives: [],
});

function spans(pattern, lowered) {
  pattern.lastIndex = 0;
  return Array.from(lowered.matchAll(pattern), (m) => [m.index, m.index + m[0].length]);
}

/** Every marker, rule by rule; a span an earlier rule marked is never marked again. */
function mark(text, lowered) {
  const cp = codePointIndex(text);
  const taken = [];
  const markers = [];
  RULES.forEach((r, ri) => {
    let candidates;
    if (r.category === "first_person_achievement") {
      // the pronoun I is a capital letter: a lowercase i (<i>, "i)") is not one
      const pronouns = spans(PRONOUN, lowered).filter(([a]) => text[a] !== "i");
      const verbs = spans(VERB, lowered);
      candidates = pronouns.length && verbs.length
        ? [...pronouns, ...verbs].sort((u, v) => u[0] - v[0] || u[1] - v[1]) : [];
    } else {
      candidates = spans(COMPILED[ri], lowered);
    }
    const found = candidates.filter(([a, b]) => !taken.some(([x, y]) => a < y && x < b));
    found.forEach(([a, b], i) => {
      markers.push({ start: cp[a], end: cp[b], category: r.category, match: text.slice(a, b),
        points: i < r.limit ? r.points : 0, rule: r.rule });
    });
    taken.push(...found);
  });
  return markers.sort((u, v) => u.start - v.start);
}

/**
 * ReaderResult {ok, kind, message, text, removed, markers: [{start, end, category, match,
 * points, rule}], score, register, alternatives: [{category, english, japanese}]}.
 */
export function readProfile(text) {
  const [cleaned, removed] = cleanLine(text);
  if (!cleaned) {
    return refuse("empty", "The line is empty: type or paste one line from a profile, " +
      "in English or Japanese.", cleaned, removed);
  }
  const n = codePoints(cleaned);
  if (n > MAX_CHARS) {
    return refuse("too_long", `The line is ${n} characters long; keep it to ` +
      `${MAX_CHARS} characters or fewer.`, cleaned, removed);
  }
  if (!WORDY.test(cleaned)) {
    return refuse("no_words", "The line has no letters, digits, kana or kanji (only " +
      "symbols, emoji or punctuation), so there is nothing to read.", cleaned, removed);
  }
  const markers = mark(cleaned, cleaned.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  const total = markers.reduce((sum, k) => sum + k.points, 0);
  const score = Math.min(MAX_SCORE, Math.max(0, total));
  const reg = register(score);
  const present = new Set(markers.map((k) => k.category));
  const alternatives = RULES.filter((r) => present.has(r.category) && r.english)
    .map((r) => ({ category: r.category, english: r.english, japanese: r.japanese }));
  const count = markers.length;
  const found = count === 0 ? "No markers found" : `${count} marker${count === 1 ? "" : "s"} found`;
  return {
    ok: true, kind: "ok", message: `${found}: explicitness score ${score} of ${MAX_SCORE} (${reg}).`,
    text: cleaned, removed, markers, score, register: reg, alternatives,
  };
}
