//! The hostile-text corpus: XSS payloads GENERATED from attack vectors ×
//! Markdown contexts × effects. Nothing here is copied from a list: each
//! vector is written below as a function of the JavaScript it would run.
//!
//! Every payload, if it ever ran as script, would either
//! - raise a flag in the page: `window.__pwned` counts up and
//!   `window.__pwnedBy` names the payload (effect [`Effect::Flag`]), or
//! - do that and call the app's IPC, asking the shell to add a win whose
//!   text is exactly `PWNED-IPC-<id>` to person 1 ([`Effect::Ipc`]). The
//!   sentinel is built by concatenation (`'PW'+'NED-IPC-7'`), so the stored
//!   payload never contains it and only an executed payload can create it.
//!
//! Shared by `tests/e2e/tests/hostile.rs` (the real app) and
//! `crates/cli/tests/hostile.rs` (the HTML summary, and the check that
//! `tests/e2e/payloads/xss.jsonl` — the corpus written out, one JSON string a
//! line — is current). Regenerate that file with
//! `COACHLOG_WRITE_PAYLOADS=1 cargo test -p coachlog-cli --test hostile corpus`.
//!
//! Include it with `#[path = ".../tests/e2e/payloads/corpus.rs"] mod corpus;`.

/// What a payload does when (if ever) it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Counts up `window.__pwned`.
    Flag,
    /// Counts up `window.__pwned` and calls `win_add` over IPC.
    Ipc,
}

/// One generated payload.
#[derive(Debug, Clone)]
pub struct Payload {
    /// Its number in the corpus (0-based), also inside its script.
    pub id: usize,
    /// The attack vector's name.
    pub vector: &'static str,
    /// The Markdown context it is wrapped in.
    pub context: &'static str,
    /// What it would do.
    pub effect: Effect,
    /// The text stored in the app.
    pub text: String,
}

impl Payload {
    /// One line without line breaks or tabs: fit for a name or a title.
    pub fn is_one_line(&self) -> bool {
        !self.text.contains(['\n', '\r', '\t'])
    }
}

/// The win text an executed [`Effect::Ipc`] payload would create.
pub fn ipc_sentinel(id: usize) -> String {
    format!("PWNED-IPC-{id}")
}

/// The script of payload `id`: no spaces, no double quotes, no `<` or `>`,
/// so it fits in unquoted and double-quoted attributes alike.
pub fn script(id: usize, effect: Effect) -> String {
    let flag = format!("window.__pwned=(window.__pwned||0)+1,window.__pwnedBy={id}");
    match effect {
        Effect::Flag => flag,
        Effect::Ipc => format!(
            "{flag},window.__TAURI_INTERNALS__.invoke('win_add',{{input:{{person_id:1,\
             noted_on:'2020-01-01',text:'PW'+'NED-IPC-{id}'}}}})"
        ),
    }
}

/// Base64 (standard alphabet, padded), for `data:` URLs.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Every character as a decimal HTML entity (`&#119;&#105;…`).
fn entities(s: &str) -> String {
    s.chars().map(|c| format!("&#{};", c as u32)).collect()
}

/// Percent-encodes every byte.
fn percent(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// Alternates upper and lower case: `JaVaScRiPt`.
fn mixed(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The same script reaching the top window (from inside a frame).
fn top(j: &str) -> String {
    j.replace("window.", "top.")
}

type Vector = (&'static str, fn(&str) -> String);

/// The attack vectors, each a function of the script it would run.
fn vectors() -> Vec<Vector> {
    vec![
        // Script elements.
        ("script", |j| format!("<script>{j}</script>")),
        ("script_mixed_case", |j| format!("<ScRiPt>{j}</sCrIpT>")),
        ("script_src_data", |j| {
            format!("<script src=\"data:text/javascript,{j}\"></script>")
        }),
        ("script_unclosed", |j| format!("<script>{j}")),
        ("script_in_svg", |j| {
            format!("<svg><script>{j}</script></svg>")
        }),
        ("script_line_separator", |j| {
            format!("<script>\u{2028}{j}\u{2029}</script>")
        }),
        // Event handlers.
        ("img_onerror", |j| format!("<img src=x onerror=\"{j}\">")),
        ("img_onerror_unquoted", |j| {
            format!("<img src=x onerror={j}>")
        }),
        ("img_mixed_case", |j| format!("<ImG sRc=x OnErRoR=\"{j}\">")),
        ("img_unclosed", |j| format!("<img src=x onerror=\"{j}\"")),
        ("img_entity_handler", |j| {
            format!("<img src=x onerror=\"{}\">", entities(j))
        }),
        ("img_tab_separated", |j| {
            format!("<img\tsrc=x\tonerror=\"{j}\">")
        }),
        ("img_newline_separated", |j| {
            format!("<img\nsrc=x\nonerror=\"{j}\">")
        }),
        ("img_slash_separated", |j| {
            format!("<img/src=x/onerror=\"{j}\">")
        }),
        ("svg_onload", |j| format!("<svg onload=\"{j}\"></svg>")),
        ("svg_onload_unclosed", |j| format!("<svg/onload={j}")),
        ("body_onload", |j| format!("<body onload=\"{j}\">")),
        ("details_ontoggle", |j| {
            format!("<details open ontoggle=\"{j}\"><summary>x</summary></details>")
        }),
        ("input_onfocus", |j| {
            format!("<input autofocus onfocus=\"{j}\">")
        }),
        ("select_onfocus", |j| {
            format!("<select autofocus onfocus=\"{j}\"></select>")
        }),
        ("textarea_onfocus", |j| {
            format!("<textarea autofocus onfocus=\"{j}\"></textarea>")
        }),
        ("video_onerror", |j| {
            format!("<video src=x onerror=\"{j}\"></video>")
        }),
        ("audio_source_onerror", |j| {
            format!("<audio><source src=x onerror=\"{j}\"></audio>")
        }),
        ("marquee_onstart", |j| {
            format!("<marquee onstart=\"{j}\">x</marquee>")
        }),
        ("div_onmouseover", |j| {
            format!("<div onmouseover=\"{j}\">hover me</div>")
        }),
        ("style_onload", |j| {
            format!("<style onload=\"{j}\"></style>")
        }),
        ("object_onerror", |j| {
            format!("<object data=x onerror=\"{j}\"></object>")
        }),
        // Frames, objects, forms.
        ("iframe_srcdoc", |j| {
            format!(
                "<iframe srcdoc=\"&lt;script&gt;{}&lt;/script&gt;\"></iframe>",
                top(j)
            )
        }),
        ("iframe_srcdoc_unclosed", |j| {
            format!("<iframe srcdoc='<script>{}</script>'", top(j))
        }),
        ("iframe_javascript", |j| {
            format!("<iframe src=\"javascript:{j}\"></iframe>")
        }),
        ("iframe_data", |j| {
            format!(
                "<iframe src=\"data:text/html;base64,{}\"></iframe>",
                base64(format!("<script>{}</script>", top(j)).as_bytes())
            )
        }),
        ("object_javascript", |j| {
            format!("<object data=\"javascript:{j}\"></object>")
        }),
        ("embed_javascript", |j| {
            format!("<embed src=\"javascript:{j}\">")
        }),
        ("form_formaction", |j| {
            format!("<form><button formaction=\"javascript:{j}\">go</button></form>")
        }),
        ("a_javascript", |j| {
            format!("<a href=\"javascript:{j}\">click</a>")
        }),
        ("a_entity_scheme", |j| {
            format!("<a href=\"&#106;avascript:{j}\">click</a>")
        }),
        ("math_xlink", |j| {
            format!("<math><maction xlink:href=\"javascript:{j}\">x</maction></math>")
        }),
        ("meta_refresh", |j| {
            format!("<meta http-equiv=\"refresh\" content=\"0;url=javascript:{j}\">")
        }),
        ("base_href", |j| format!("<base href=\"javascript:{j}//\">")),
        // Mutation XSS (parser differentials).
        ("mxss_noscript", |j| {
            format!("<noscript><p title=\"</noscript><img src=x onerror={j}>\">")
        }),
        ("mxss_svg_style", |j| {
            format!("<svg><style><img src=x onerror=\"{j}\"></style></svg>")
        }),
        ("mxss_math_mglyph", |j| {
            format!("<math><mtext><table><mglyph><style><img src=x onerror=\"{j}\">")
        }),
        // Style and expression.
        ("style_expression", |j| {
            format!("<div style=\"width:expression({j})\">x</div>")
        }),
        ("style_url_javascript", |j| {
            format!("<p style=\"background:url('javascript:{j}')\">x</p>")
        }),
        ("style_import", |j| {
            format!("<style>@import 'javascript:{j}';*{{x:expression({j})}}</style>")
        }),
        // Markdown links and images.
        ("md_link_javascript", |j| format!("[click](javascript:{j})")),
        ("md_link_mixed_case", |j| {
            format!("[click]({}:{j})", mixed("javascript"))
        }),
        ("md_link_entity_scheme", |j| {
            format!("[click](&#106;avascript&#58;{j})")
        }),
        ("md_link_colon_entity", |j| {
            format!("[click](javascript&colon;{j})")
        }),
        ("md_link_percent", |j| {
            format!("[click]({}:{j})", percent("javascript"))
        }),
        ("md_link_angle", |j| format!("[click](<javascript:{j}>)")),
        ("md_link_tab_in_scheme", |j| {
            format!("[click](java\tscript:{j})")
        }),
        ("md_link_vbscript", |j| format!("[click](vbscript:{j})")),
        ("md_link_data_html", |j| {
            format!(
                "[click](data:text/html;base64,{})",
                base64(format!("<script>{j}</script>").as_bytes())
            )
        }),
        ("md_reference_link", |j| {
            format!("[click][r]\n\n[r]: javascript:{j}")
        }),
        ("md_image_javascript", |j| format!("![x](javascript:{j})")),
        ("md_image_data_svg", |j| {
            format!(
                "![x](data:image/svg+xml;base64,{})",
                base64(
                    format!("<svg xmlns='http://www.w3.org/2000/svg' onload='{j}'/>").as_bytes()
                )
            )
        }),
        ("md_image_onerror_title", |j| {
            format!("![x](x \"\\\"><img src=x onerror={j}>\")")
        }),
        ("md_autolink_javascript", |j| format!("<javascript:{j}>")),
        ("md_autolink_data", |j| {
            format!("<data:text/html,<script>{j}</script>>")
        }),
        // Templates: what a careless template engine would evaluate.
        ("template_mustache", |j| {
            format!("{{{{constructor.constructor('{j}')()}}}}")
        }),
        ("template_literal", |j| format!("${{{j}}}")),
        ("template_svelte_html", |j| {
            format!("{{@html '<img src=x onerror={j}>'}}")
        }),
        ("template_erb", |j| format!("<%= {j} %>")),
        // Unicode tricks.
        ("unicode_fullwidth", |j| {
            format!("\u{FF1C}script\u{FF1E}{j}\u{FF1C}/script\u{FF1E}")
        }),
        ("unicode_zero_width", |j| {
            format!("<scr\u{200B}ipt>{j}</scr\u{200B}ipt><img src=x on\u{200D}error=\"{j}\">")
        }),
        ("unicode_rtl_override", |j| {
            format!("\u{202E}<img src=x onerror=\"{j}\">\u{202C} \u{202E}tpircs>")
        }),
        ("unicode_homoglyph_scheme", |j| {
            format!("[click](j\u{0430}vascript:{j})")
        }),
        ("unicode_bom_scheme", |j| {
            format!("[click](javascript\u{FEFF}:{j})")
        }),
        ("unicode_nbsp_attribute", |j| {
            format!("<img src=x\u{00A0}onerror=\"{j}\">")
        }),
        ("unicode_combining", |j| {
            format!("<i\u{0301}mg src=x onerror=\"{j}\">")
        }),
    ]
}

type Context = (&'static str, fn(&str, usize) -> String);

/// The Markdown contexts a vector is put in.
fn contexts() -> Vec<Context> {
    vec![
        ("plain", |v, _| v.to_string()),
        ("link_text", |v, id| {
            format!("[{v}](https://example.com/{id})")
        }),
        ("code_span", |v, _| {
            if v.contains('`') {
                format!("`` {v} ``")
            } else {
                format!("`{v}`")
            }
        }),
        ("table_cell", |v, id| {
            format!("| note | {id} |\n| --- | --- |\n| {v} | {v} |")
        }),
        ("heading", |v, _| format!("## {v}")),
    ]
}

/// The whole corpus, in a fixed order: vector × context × effect.
pub fn corpus() -> Vec<Payload> {
    let mut out = Vec::new();
    for (vector, make) in vectors() {
        for (context, wrap) in contexts() {
            for effect in [Effect::Flag, Effect::Ipc] {
                let id = out.len();
                let text = wrap(&make(&script(id, effect)), id);
                out.push(Payload {
                    id,
                    vector,
                    context,
                    effect,
                    text,
                });
            }
        }
    }
    out
}

/// The corpus as committed in `xss.jsonl`: one JSON object a line.
pub fn to_jsonl(payloads: &[Payload]) -> String {
    let mut out = String::new();
    for p in payloads {
        let effect = match p.effect {
            Effect::Flag => "flag",
            Effect::Ipc => "ipc",
        };
        out.push_str(&format!(
            "{{\"id\":{},\"vector\":\"{}\",\"context\":\"{}\",\"effect\":\"{effect}\",\"text\":{}}}\n",
            p.id,
            p.vector,
            p.context,
            serde_json::to_string(&p.text).expect("a string serializes"),
        ));
    }
    out
}

/// Characters no field accepts (control characters other than tab and line
/// breaks, NUL included): the core must refuse them with its message.
pub fn refused_controls() -> Vec<char> {
    (0u32..0x20)
        .chain(0x7F..0xA0)
        .filter_map(char::from_u32)
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}
