//! HTML to Markdown, for notes written in another tool's rich-text editor.
//!
//! A small converter rather than a dependency: the notes come from an
//! editor (paragraphs, line breaks, bold and italic, links, lists, headings,
//! quotes, code), so the tags that carry meaning become their Markdown, and
//! everything else is dropped, keeping its text. The result is sanitized by
//! construction: no tag survives, text characters that Markdown would read
//! as markup (`<`, `*`, `[`…) are backslash-escaped, the contents of
//! `script`, `style` and the like are dropped whole, and a link survives
//! only with an `http`, `https` or `mailto` address. Inside code the text
//! is kept as written, which Markdown shows literally.
//!
//! Tests: the unit tests below.

/// Whether `text` has anything HTML would read as markup: a tag, a comment
/// or a declaration. Text without any is plain text (or Markdown typed as
/// such), to keep as written.
pub fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// Converts `html` to GitLab-flavoured Markdown (see the module docs).
pub fn to_markdown(html: &str) -> String {
    let mut md = Md::default();
    for token in tokens(html) {
        md.token(token);
    }
    md.flush();
    md.out.trim().to_string()
}

#[derive(Debug, PartialEq, Eq)]
enum Token {
    Text(String),
    Open(String, Vec<(String, String)>),
    Close(String),
}

/// Elements whose content is never text of the note.
const DROPPED: &[&str] = &[
    "script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg", "math",
    "textarea", "select",
];

fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut text = String::new();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        let first = after.chars().next();
        let closing = first == Some('/');
        let name_start = if closing { &after[1..] } else { after };
        let starts_tag = name_start
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        if first == Some('!') || first == Some('?') {
            rest = after.find('>').map_or("", |i| &after[i + 1..]);
            continue;
        }
        if !starts_tag {
            text.push('<');
            rest = after;
            continue;
        }
        if !text.is_empty() {
            out.push(Token::Text(decode(&std::mem::take(&mut text))));
        }
        let (name, attrs, tail) = tag(name_start);
        rest = tail;
        if closing {
            out.push(Token::Close(name));
        } else if DROPPED.contains(&name.as_str()) {
            // Skip to its end tag (or the end of the text).
            rest = match end_tag(rest, &name) {
                Some(i) => {
                    let t = &rest[i..];
                    t.find('>').map_or("", |j| &t[j + 1..])
                }
                None => "",
            };
        } else {
            out.push(Token::Open(name, attrs));
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Token::Text(decode(&text)));
    }
    out
}

/// Where the end tag `</name` is in `s`, its name in any case.
fn end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Reads a tag's name and attributes from just after `<` or `</`; returns
/// them and the text after the tag's `>`.
fn tag(s: &str) -> (String, Vec<(String, String)>, &str) {
    let end_name = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    let name = s[..end_name].to_ascii_lowercase();
    let mut rest = &s[end_name..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return (name, attrs, "");
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (name, attrs, after);
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '=' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let key = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    value = decode(&body[..close]);
                    rest = body.get(close + 1..).unwrap_or("");
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    value = decode(&after[..close]);
                    rest = &after[close..];
                }
            }
        }
        attrs.push((key, value));
    }
}

/// Decodes character references: the named ones an editor writes, and
/// numeric ones. Unknown references stay as written.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').filter(|&i| i <= 10).map(|i| i + 1);
        let decoded = semi.and_then(|i| {
            let name = &rest[1..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let n = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = name.strip_prefix('#') {
                        dec.parse().ok()
                    } else {
                        None
                    };
                    n.and_then(char::from_u32).filter(|c| *c != '\0')
                }
            };
            c.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes text so that Markdown shows it as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block at the start of a line: a heading, a
/// list item, a setext underline.
fn escape_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    match line.chars().next() {
        Some('#' | '-' | '+' | '=') => format!("\\{line}"),
        _ => line.to_string(),
    }
}

#[derive(Debug)]
struct List {
    ordered: bool,
    next: u32,
    width: usize,
}

#[derive(Debug, Default)]
struct Md {
    out: String,
    /// The block being written (inline Markdown; `\n` after a hard break).
    line: String,
    lists: Vec<List>,
    quote: usize,
    heading: Option<usize>,
    /// The marker of a list item whose first block is still to come.
    marker: Option<String>,
    /// Inside `pre`: its text as written.
    pre: Option<String>,
    /// Inside `code` (not in `pre`): its text as written.
    code: Option<String>,
    /// The open links: each one's address and where its `[` is in `line`
    /// (`None`: an unsafe address, dropped, or a link of an earlier block).
    links: Vec<Option<(String, usize)>>,
    /// Whether the last block written was in a list (tight lists).
    last_in_list: bool,
}

impl Md {
    fn token(&mut self, token: Token) {
        match token {
            Token::Text(t) => self.text(&t),
            Token::Open(name, attrs) => self.open(&name, &attrs),
            Token::Close(name) => self.close(&name),
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(pre) = &mut self.pre {
            pre.push_str(t);
            return;
        }
        if let Some(code) = &mut self.code {
            code.push_str(t);
            return;
        }
        let mut collapsed = String::new();
        let mut space = false;
        for c in t.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                if space && collapsed.is_empty() && !self.line.is_empty() {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(c);
            }
        }
        if space && !collapsed.is_empty() {
            collapsed.push(' ');
        }
        if collapsed.is_empty() && space && !self.line.is_empty() && !self.line.ends_with(' ') {
            collapsed.push(' ');
        }
        self.line.push_str(&escape(&collapsed));
    }

    fn open(&mut self, name: &str, attrs: &[(String, String)]) {
        if self.pre.is_some() {
            if name == "br" {
                self.text("\n");
            }
            return;
        }
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "table" | "tr" | "dl"
            | "dt" | "dd" | "figure" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = name[1..].parse().ok();
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.push(List {
                    ordered: name == "ol",
                    next: 1,
                    width: 2,
                });
            }
            "li" => {
                self.flush();
                if self.lists.is_empty() {
                    self.lists.push(List {
                        ordered: false,
                        next: 1,
                        width: 2,
                    });
                }
                let list = self.lists.last_mut().expect("a list");
                let marker = if list.ordered {
                    format!("{}. ", list.next)
                } else {
                    "- ".to_string()
                };
                list.next += 1;
                list.width = marker.len();
                self.marker = Some(marker);
            }
            "blockquote" => {
                self.flush();
                self.quote += 1;
            }
            "pre" => {
                self.flush();
                self.pre = Some(String::new());
            }
            "hr" => {
                self.flush();
                self.block("---".to_string());
            }
            "br" => self.line.push_str("\\\n"),
            "strong" | "b" => self.line.push_str("**"),
            "em" | "i" => self.line.push('*'),
            "s" | "del" | "strike" => self.line.push_str("~~"),
            "code" => self.code = Some(String::new()),
            "a" => {
                let href = attrs
                    .iter()
                    .find(|(k, _)| k == "href")
                    .map(|(_, v)| v.trim().to_string())
                    .filter(|v| safe_link(v));
                let at = self.line.len();
                if href.is_some() {
                    self.line.push('[');
                }
                self.links.push(href.map(|h| (h, at)));
            }
            "img" => {
                if let Some((_, alt)) = attrs.iter().find(|(k, _)| k == "alt") {
                    let alt = alt.clone();
                    self.text(&alt);
                }
            }
            "td" | "th" => self.text(" "),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if self.pre.is_some() {
            if name == "pre" {
                let text = self.pre.take().unwrap_or_default();
                let text = text.trim_matches('\n');
                let longest = longest_run(text, '`');
                let fence = "`".repeat(longest.max(2) + 1);
                self.block(format!("{fence}\n{text}\n{fence}"));
            }
            return;
        }
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "table" | "tr" | "dl"
            | "dt" | "dd" | "figure" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush()
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
                self.marker = None;
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            "strong" | "b" => self.line.push_str("**"),
            "em" | "i" => self.line.push('*'),
            "s" | "del" | "strike" => self.line.push_str("~~"),
            "code" => {
                if let Some(code) = self.code.take() {
                    let code = code.replace('\n', " ");
                    if !code.trim().is_empty() {
                        let ticks = "`".repeat(longest_run(&code, '`') + 1);
                        let pad = if code.starts_with('`') || code.ends_with('`') {
                            " "
                        } else {
                            ""
                        };
                        self.line
                            .push_str(&format!("{ticks}{pad}{code}{pad}{ticks}"));
                    }
                }
            }
            "a" => {
                if let Some(Some((href, _))) = self.links.pop() {
                    let href = href.replace(' ', "%20").replace(['(', ')'], "");
                    self.line.push_str(&format!("]({href})"));
                }
            }
            "td" | "th" => self.text(" "),
            _ => {}
        }
    }

    /// Ends the block being written.
    fn flush(&mut self) {
        if let Some(code) = self.code.take() {
            self.text(&code);
        }
        // A link left open at a block's end loses its address, and its `[`.
        let mut open: Vec<usize> = self
            .links
            .iter_mut()
            .filter_map(|l| l.take().map(|(_, at)| at))
            .collect();
        open.sort_unstable_by(|a, b| b.cmp(a));
        for at in open {
            self.line.remove(at);
        }
        let mut text = std::mem::take(&mut self.line);
        loop {
            let trimmed = text.trim_end().trim_end_matches("\\\n").trim_end();
            if trimmed.len() == text.len() {
                break;
            }
            text = trimmed.to_string();
        }
        let text = text.trim_start().to_string();
        if text.is_empty() || text == "****" || text == "**" {
            self.heading = None;
            return;
        }
        let lines: Vec<String> = text
            .split('\n')
            .map(|l| escape_line_start(l.trim_start()))
            .collect();
        let body = match self.heading.take() {
            Some(n) => format!(
                "{} {}",
                "#".repeat(n),
                lines.join(" ").replace("\\ ", " ").trim_end_matches('\\')
            ),
            None => lines.join("\n"),
        };
        self.block(body);
    }

    /// Writes a finished block with its list and quote prefixes.
    fn block(&mut self, body: String) {
        let in_list = !self.lists.is_empty();
        let quote = "> ".repeat(self.quote);
        let all: usize = self.lists.iter().map(|l| l.width).sum();
        let (first, rest) = match self.marker.take() {
            Some(marker) => {
                let outer = all - self.lists.last().map_or(0, |l| l.width);
                (format!("{quote}{}{marker}", " ".repeat(outer)), all)
            }
            None => (format!("{quote}{}", " ".repeat(all)), all),
        };
        if !self.out.is_empty() {
            self.out.push_str(if in_list && self.last_in_list {
                "\n"
            } else {
                "\n\n"
            });
        }
        for (i, line) in body.split('\n').enumerate() {
            if i == 0 {
                self.out.push_str(&first);
            } else {
                self.out.push('\n');
                self.out.push_str(&quote);
                self.out.push_str(&" ".repeat(rest));
            }
            self.out.push_str(line);
        }
        self.last_in_list = in_list;
    }
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for x in text.chars() {
        if x == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

fn safe_link(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !href.chars().any(|c| c.is_control() || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn editor_html_becomes_markdown() {
        let cases: &[(&str, &str)] = &[
            ("<p>Hello</p>", "Hello"),
            ("<p>One</p><p>Two</p>", "One\n\nTwo"),
            ("<p>a<br>b</p>", "a\\\nb"),
            (
                "<p><strong>Big</strong> and <em>small</em></p>",
                "**Big** and *small*",
            ),
            ("<h2>Goals</h2><p>Ship</p>", "## Goals\n\nShip"),
            ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
            ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
            ("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n  - b"),
            ("<blockquote><p>quoted</p></blockquote>", "> quoted"),
            (
                "<p><a href=\"https://example.com/x\">link</a></p>",
                "[link](https://example.com/x)",
            ),
            ("<p><a href=\"javascript:alert(1)\">x</a></p>", "x"),
            ("<p>use <code>a*b</code></p>", "use `a*b`"),
            (
                "<pre><code>let x = 1;\n</code></pre>",
                "```\nlet x = 1;\n```",
            ),
            (
                "<p>5 &lt; 6 &amp;&amp; 7 &gt; 6</p>",
                "5 \\< 6 \\&\\& 7 \\> 6",
            ),
            ("<p>&#169; &#x2603; &nbsp;x</p>", "© ☃ x"),
            ("plain text", "plain text"),
            ("<p># not a heading</p>", "\\# not a heading"),
            ("<p>1. not a list</p>", "1\\. not a list"),
            ("<p>a</p><hr><p>b</p>", "a\n\n---\n\nb"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(to_markdown(html), *want, "{html}");
        }
    }

    #[test]
    fn any_soup_converts_without_a_panic_or_a_tag() {
        let pieces = [
            "<",
            ">",
            "&",
            "#x",
            ";",
            "</",
            "a",
            "p",
            "script",
            "é",
            "\"",
            "'",
            "=",
            " ",
            "!--",
            "-->",
            "li",
            "ul",
            "ol",
            "b",
            "br",
            "`",
            "[",
            "]",
            "\\",
            "\n",
            "href",
            "https://",
            "&amp;",
            "&#",
            "9",
            "h2",
            "blockquote",
            "/",
            "💡",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut html = String::new();
            let len = (state >> 60) as usize * 3;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                html.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            let md = to_markdown(&html);
            let unescaped_lt = md.char_indices().any(|(i, c)| {
                c == '<' && md[..i].chars().rev().take_while(|c| *c == '\\').count() % 2 == 0
            });
            assert!(!unescaped_lt, "{html:?} → {md:?}");
        }
    }

    #[test]
    fn markup_is_told_from_text() {
        for (text, markup) in [
            ("<p>x</p>", true),
            ("a <br/> b", true),
            ("<!-- c -->", true),
            ("## Topic 1\n- a", false),
            ("5 < 6 and 7 > 6", false),
            ("a<3", false),
        ] {
            assert_eq!(super::has_markup(text), markup, "{text}");
        }
    }

    #[test]
    fn no_raw_html_survives() {
        let hostile = [
            "<script>alert(1)</script><p>ok</p>",
            "<p onclick=\"x()\">ok</p><style>p{}</style>",
            "<img src=x onerror=alert(1) alt=\"pic\">",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "<iframe src=\"https://evil\"></iframe>ok",
            "<<script>script>alert(1)<</script>/script>",
            "<a href=\"https://x\" title=\"<b>\">t</a>",
            "<!-- <script> -->ok",
            "<div><span style=\"x\">ok</span></div><unknown-tag>ok</unknown-tag>",
            "<p>unclosed <b>bold",
            "<script>never closed",
            "<p>[&lt;<a href=\"https://x\">&lt;script&gt;</p>",
            "<p>\\<a href=\"https://x\">t</p>",
            "<SCRIPT>alert(1)</ScRiPt><p>ok</p>",
        ];
        for html in hostile {
            let md = to_markdown(html);
            let unescaped_lt = md
                .char_indices()
                .any(|(i, c)| c == '<' && !md[..i].ends_with('\\'));
            assert!(!unescaped_lt, "{html} → {md}");
            assert!(
                !md.contains("alert(1)") || md.contains("\\<"),
                "{html} → {md}"
            );
        }
    }
}
