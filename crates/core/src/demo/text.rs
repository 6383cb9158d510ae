//! The phrases the generator writes: notes, agenda items, wins, check-ins.

use crate::model::{OpenTag, RaisedBy};

/// Replaces each `{key}` of `template` by its value in `vars`.
pub(super) fn fill_in(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 48);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &after[..close];
        match vars.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => {
                debug_assert!(false, "unknown placeholder {{{key}}} in {template:?}");
                out.push_str(&rest[open..open + close + 2]);
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

pub(super) const CUSTOMERS: &[&str] = &[
    "a large financial-services customer",
    "a public-sector account",
    "an EMEA telco",
    "a Fortune 500 retailer",
    "a fast-growing fintech",
    "a regulated healthcare customer",
    "a self-managed Ultimate customer",
    "an APAC automotive customer",
];

pub(super) const PAINS: &[&str] = &[
    "slow pipelines on large merge requests",
    "permissions that are too coarse for their on-call rotation",
    "no audit trail for setting changes",
    "search that times out on big projects",
    "noisy notifications",
    "the migration from their old tooling",
    "API rate limits in their automation",
    "no bulk edit",
    "flaky status checks",
    "settings that are hard to find",
];

/// A topic of 1:1 notes: its coaching tag, heading and fragments.
pub(super) struct Topic {
    pub(super) tag: &'static str,
    pub(super) heading: &'static str,
    pub(super) weight: usize,
    pub(super) lines: &'static [&'static str],
}

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        tag: "delivery",
        heading: "Delivery",
        weight: 30,
        lines: &[
            "{group} is on track for {release}; the {category} MVC merged early in the milestone, so {first} is pulling the next issue forward.",
            "Two {group} deliverables slipped from {release} to {next}. We talked about cutting scope rather than stretching the milestone: ship the boring solution first.",
            "Reviewed the {next} planning issue together. Too many \"P2s\"; {first} will pick the one outcome that matters and label the rest as stretch.",
            "{group} is down a backend engineer this milestone. {first} and {em} agreed to move the {category} API work to {next} and to say so in the release post.",
            "Release post items for {release} are in. {first} wants a second pair of eyes on the {category} headline: lead with the user problem, not the feature name.",
            "Kickoff prep for {next}: {first} will record the {group} kickoff video and link the planning issue from the direction page.",
            "The {shipped} retro surfaced late UX reviews again. {first} will add a design-ready checkpoint to the {group} workflow labels.",
        ],
    },
    Topic {
        tag: "feedback",
        heading: "Feedback",
        weight: 22,
        lines: &[
            "Feedback on the {category} direction page: strong on the *why*, thin on what we will **not** do. Asked for a \"What's next and why\" section with three concrete bets.",
            "Shared positive feedback from {peer}: {first}'s async updates in {slack} are the clearest in the section. Told {first} directly: keep doing exactly that.",
            "SBI feedback: in this week's sync (situation) {first} committed the team to a date before checking with {em} (behaviour), and engineering felt cornered (impact). Agreed that {first} checks with {em} before any external commitment.",
            "{first} asked how the customer call went. Good discovery questions; next time leave more silence after asking about the workaround, that's where the insight was.",
            "The {category} opportunity canvas is solid. Suggested adding a \"who is this not for\" section before taking it to the PLT.",
            "Feedback from {em}: {first} is great at unblocking engineers, but issue descriptions lack acceptance criteria. We looked at two examples together.",
        ],
    },
    // Everyday growth talk; the formal career conversations, tagged
    // `career` about twice a year, are CAREER_CONVERSATIONS.
    Topic {
        tag: "growth",
        heading: "Career",
        weight: 12,
        lines: &[
            "{first} asked what separates a good {next_title} from a great one. Pointed at two people to learn from and the CDF's *strategy* and *influence* rows.",
            "Growth plan check-in: the stretch assignment (owning the {category} section of the {stage} direction page) is going well; one more cross-stage example would make the promotion case.",
            "{first} is curious about people management. Suggested shadowing me on the next hiring loop and mentoring the next PM who joins {stage}.",
            "Talked about visibility: {first} will present the {category} roadmap at the next {stage} stage review instead of me.",
        ],
    },
    Topic {
        tag: "growth",
        heading: "Growth",
        weight: 16,
        lines: &[
            "{first} is reading *Continuous Discovery Habits*; agreed on one customer touchpoint a week for {category}.",
            "Socratic session: what would make {category} *lovable* rather than viable? {first}'s answer was about the first-run experience; turning it into an issue.",
            "Worked on data-driven framing: {first} will pull the {category} usage metrics before the next prioritisation call instead of relying on upvotes.",
            "{first} wants to write more. Suggested publishing the {category} research synthesis as a handbook page and sharing it in {slack}.",
            "Practised saying no: role-played the conversation with {team} about the {category} request that doesn't fit {quarter}.",
        ],
    },
    Topic {
        tag: "risk",
        heading: "Risk",
        weight: 14,
        lines: &[
            "Risk: {customer} is blocked by a bug in {category} and may escalate. {first} has a workaround; I'll make sure the account team has it before the renewal call.",
            "Possible surprise: the {category} deprecation planned for {next} affects more users than we thought. {first} will draft a migration guide and the breaking-change announcement.",
            "A security fix in {group} may eat a week of {next}. No customer impact yet; {first} will flag it in the planning issue.",
            "Attrition risk? {first} mentioned a recruiter ping. Not looking, but workload is the theme; I noted to rebalance {group} scope next quarter.",
            "The {category} error budget is burning: two incidents since {shipped}. {first} wants reliability work ahead of the next feature, and I agree.",
        ],
    },
    Topic {
        tag: "stakeholders",
        heading: "Stakeholders",
        weight: 12,
        lines: &[
            "{team} asked for {category} changes outside the roadmap. Coached {first} to route it through the intake issue and to say \"not now\" with a reason.",
            "Sales wants a date for the next {category} feature for {customer}. Reminder: we share direction, not dates; {first} will join the call with the solutions architect.",
            "Boundary with {peer}'s group: who owns the {category} settings page? {first} will propose a DRI in the issue and tag both EMs.",
            "{first} is pulled into many Slack threads from {team}. Suggested a fortnightly office hour instead.",
        ],
    },
    Topic {
        tag: "strategy",
        heading: "Strategy",
        weight: 12,
        lines: &[
            "Walked through the {stage} 3-month vision. {first} wants to bet on {category} adoption over new features; agreed, let's make it the {quarter} OKR.",
            "Discussed the {quarter} OKRs: {first}'s KR on {category} usage is ambitious. Keep it, but define a leading indicator we can see within the quarter.",
            "A competitor shipped something close to {category}. {first} will write a short comparison; no knee-jerk roadmap change.",
            "Pricing question: should the new {category} capability be Premium or Ultimate? {first} will apply buyer-based tiering and bring a proposal.",
        ],
    },
    Topic {
        tag: "wellbeing",
        heading: "Wellbeing",
        weight: 7,
        lines: &[
            "{first} is taking a week of PTO after {release}. Agreed on a coverage issue; {peer} is the backup.",
            "Workload check: {first} is in too many meetings. We dropped two recurring syncs and moved them async.",
            "{first} sounded tired. Talked about sustainable pace and encouraged a Family & Friends Day to actually switch off.",
        ],
    },
    Topic {
        tag: "hiring",
        heading: "Hiring",
        weight: 4,
        lines: &[
            "{first} is on an interview loop; we calibrated the product-sense question and what a strong answer looks like.",
            "Referrals: {first} knows a strong PM for the open Verify role and will submit a referral this week.",
        ],
    },
];

pub(super) const ONBOARDING: Topic = Topic {
    tag: "onboarding",
    heading: "Onboarding",
    weight: 0,
    lines: &[
        "Onboarding check: {first} is through the product onboarding issue up to the {stage} direction pages. Next: shadow {peer}'s release planning.",
        "{first} met the {group} engineering team; {em} is keen to pair on the {next} planning issue.",
        "Asked {first} for fresh-eyes feedback on {category}: first impressions are gold, write them down before they fade.",
        "Agreed on 30/60/90-day goals: know the {category} users; own the {next} planning; publish an updated direction page.",
    ],
};

pub(super) const OPENERS: &[&str] = &[
    "{first} came in energised after the {release} kickoff.",
    "Short one today: {first} is heads-down on {next} planning.",
    "{first} seemed tired; three customer escalations this week.",
    "Good energy. {first} opened with a demo of the latest {category} iteration.",
    "Started with a workload check: manageable, but tight.",
    "{first} joined from the airport on the way back from a customer visit.",
    "We started late (my previous meeting overran), so we kept it focused.",
    "{first} brought news from the {stage} PM sync.",
];

pub(super) const NEXT_TIME: &[&str] = &[
    "**Next time**: revisit the {category} metrics once the {shipped} data is in.",
    "**Next time**: {first} brings the draft {quarter} OKRs.",
    "**Next time**: how did the conversation with {team} go?",
    "**Next time**: follow up on the {group} capacity question with {em}.",
];

pub(super) const SKIPPED: &[&str] = &[
    "Skipped: {first} was at a customer onsite.",
    "Skipped, {first} on PTO. Async update left in the agenda doc.",
    "Skipped: I was at the PLT offsite; urgent items went to Slack.",
    "Skipped: release-day fire drill for {release}.",
    "Skipped by mutual agreement; nothing urgent on the agenda.",
];

pub(super) const CANCELLED: &[&str] = &[
    "Cancelled: Family & Friends Day.",
    "Cancelled, {first} out sick. Hope you feel better!",
    "Cancelled; clashed with the quarterly product key review.",
    "Cancelled: public holiday for {first}.",
    "Cancelled at short notice (a customer escalation on my side).",
];

pub(super) const HOLIDAY: &[&str] = &[
    "Cancelled: end-of-year break.",
    "Skipped, both of us out for the holidays.",
];

pub(super) const ITEMS_HELP: &[&str] = &[
    "Need context on how the {stage} direction ties into the {quarter} OKRs",
    "Advice on pushing back on a late scope request from Sales for {category}",
    "Can you intro me to someone in {team} for {category} research?",
    "How should I frame the {category} pricing question for the PLT?",
    "Help getting UX research time for {category} in {next}",
    "What's the history behind last year's {category} decision?",
    "Need a sponsor for the {group} cross-stage proposal",
];

pub(super) const ITEMS_TODO: &[&str] = &[
    "Update the {category} direction page with the {next} plan",
    "Record the {group} kickoff video for {next}",
    "Write the opportunity canvas for the next {category} iteration",
    "Share the {category} JTBD refresh with the team",
    "Open the release post items for {release}",
    "Run five customer interviews on {category}",
    "Add a usage dashboard for {category} and link it from the direction page",
    "Draft the {quarter} OKRs for {group}",
    "Write the deprecation notice for the old {category} settings",
];

pub(super) const ITEMS_DOTO: &[&str] = &[
    "Raise the {group} headcount ask in staff meeting",
    "Connect {first} with the {team} lead about dogfooding {category}",
    "Review the {group} 3-month vision MR",
    "Clarify with the VP whether {category} is in the FY plan",
    "Get {first} a slot at the next product key review to present {category}",
    "Share {first}'s {category} win with the PLT",
    "Ask the {stage} design manager about UX coverage for {next}",
];

pub(super) const ITEMS_DISCUSS: &[&str] = &[
    "What does {next_title} look like for {first}?",
    "Engineering capacity in {group} for {next}",
    "Learnings from the {shipped} retro",
    "Should {group} own the {category} API surface?",
    "Feedback from {team} on {category}",
    "Balancing tech debt and features in {next}",
];

pub(super) const ITEMS_REVIEW: &[&str] = &[
    "{category} direction page MR",
    "Opportunity canvas for {category}",
    "Pricing tier proposal for {category}",
    "{group} {quarter} OKR draft",
    "Release post draft for {release}",
];

pub(super) const ITEMS_THINK: &[&str] = &[
    "What would make {category} lovable?",
    "Where does {category} fit in the platform story for {quarter}?",
    "Is there a simpler MVC for the {category} epic?",
    "Which metric best shows {category} success?",
];

pub(super) const ONBOARDING_ITEMS: &[(OpenTag, RaisedBy, &str)] = &[
    (
        OpenTag::Todo,
        RaisedBy::Person,
        "Work through the product manager onboarding issue",
    ),
    (
        OpenTag::Doto,
        RaisedBy::Leader,
        "Introduce {first} to the {group} EM, designer and quality counterparts",
    ),
    (
        OpenTag::Todo,
        RaisedBy::Person,
        "Schedule coffee chats with the {stage} PMs",
    ),
    (
        OpenTag::Help,
        RaisedBy::Person,
        "Which customers should I talk to first about {category}?",
    ),
];

pub(super) const WINS: &[&str] = &[
    "{first} shipped the {category} MVC in {shipped}; it made the release post's top features.",
    "{customer} renewed and expanded, citing the {category} improvements {first}'s group delivered in {shipped}.",
    "{first} ran six customer interviews on {category} and turned them into a validated problem statement the whole stage now uses.",
    "{group} hit its {quarter} KR on {category} adoption two weeks early.",
    "{first} presented the {category} direction at the product key review; the CPO called out the clarity of the 3-month vision.",
    "Closed a long-standing top-voted {category} issue: {first} negotiated the scope down to something shippable in one milestone.",
    "{team} moved off their internal tooling onto {category} after {first} led the dogfooding effort.",
    "{first}'s {category} blog post was the most-read product post of the month.",
    "The {category} migration finished on schedule with zero downtime, thanks to {first}'s coordination across three groups.",
    // Last: only for people on the team for half a year or more.
    "{first} mentored a new PM through their first release; great feedback from the {group} team.",
];

pub(super) const SHARED_WHERE: &[&str] = &[
    "#product-leadership Slack",
    "PLT weekly sync",
    "Product key review",
    "E-group weekly update",
    "CPO staff meeting",
    "#whats-happening-at-gitlab",
];

pub(super) const CHECK_IN_OPENERS: &[&str] = &[
    "Monthly sync with {team} about {category}.",
    "Dogfooding check-in with {team} on {category}.",
    "Caught up with the {team} DRI for {category}.",
    "Async check-in with {team} in their Slack channel ({category}).",
];

pub(super) const CHECK_IN_BODIES: &[&str] = &[
    "Top pain point: {pain}. Logged it as feedback on the category epic.",
    "Happy with the last two releases; they asked for a heads-up before the {next} changes land.",
    "Still blocked by {pain}; {first} will share the workaround and a timeline.",
    "They adopted the new {category} settings and retired a homegrown script.",
    "Usage is flat; they haven't tried the {shipped} improvements yet. {first} will run a short demo.",
    "Asked them to validate the problem statement for the next {category} iteration; they agreed to two interviews.",
];

pub(super) const JOURNEYS: &[&str] = &[
    "plan to production, issue to deployment",
    "first-time setup of a new project with CI/CD",
    "reviewing a large merge request as a new contributor",
    "triaging a failing pipeline from a notification",
    "an enterprise admin rolling out a group template",
    "portfolio planning with epics and roadmaps",
    "fixing a vulnerability from detection to merge",
    "onboarding a team from another tool",
    "following a feature from the planning board to the release post",
];

pub(super) const WORKED: &[&str] = &[
    "The empty state of {cat1} explained what to do next.",
    "Moving between {stage1} and {stage2} felt seamless.",
    "Docs links landed on the right page every time.",
    "The onboarding checklist got us to a first result in under ten minutes.",
];

pub(super) const FRICTION: &[&str] = &[
    "the settings live three levels deep; we got lost twice",
    "the error message did not say how to fix the problem",
    "the terminology differs from the neighbouring stage for the same concept",
    "there is no undo; we had to start over",
    "the page took more than six seconds to load on a big project",
    "the feature is only discoverable through the docs",
    "the API and the UI disagree on defaults",
];

pub(super) const FOLLOW_UPS: &[&str] = &[
    "open a UX issue for {cat1} and add it to the {stage1} prioritisation",
    "align terminology between {cat1} and {cat2} with Technical Writing",
    "bring {cat2} to the next cross-stage design review",
    "ask the {stage2} PM to own the hand-off step",
];

/// CDF focus areas of an individual contributor PM: the competency, then
/// what getting better at it looks like until the next review.
pub(super) const CDF_FOCUS_IC: &[&str] = &[
    "Validation track: problem validation with at least five users before {category} work enters a milestone",
    "Build track: issues the {group} engineers can estimate, with acceptance criteria and a clear MVC",
    "Business acumen: size the {category} opportunity (users, ARR, tier) before proposing it",
    "Communication: async updates in {slack} that lead with the decision needed",
    "Strategy: turn the {stage} 3-month vision into three bets with success metrics",
    "Influence: bring {em} and the designer into {category} decisions before they are made",
    "Data: define and instrument one north-star metric for {category}",
    "Customer focus: one customer conversation a week, written up in the research repository",
    "Prioritisation: say no with a reason, recorded in the issue, for requests that do not fit {quarter}",
    "Cross-stage collaboration: own the hand-off between {group} and {peer}'s group end to end",
    "Technical depth: be able to explain the {category} architecture trade-offs to a customer",
    "Market: a competitive comparison for {category}, kept current every release",
];

/// CDF focus areas of a manager of PMs.
pub(super) const CDF_FOCUS_MANAGER: &[&str] = &[
    "Coaching: weekly 1:1s with each PM, with a living agenda and written feedback",
    "Hiring: run the {stage} loops to the handbook's bar and close the open role",
    "Strategy: one direction narrative for {stage} that the groups' pages roll up to",
    "Influence: represent {stage} at the product key review without me in the room",
    "Team health: rebalance scope so no PM carries more than two categories",
    "Operating rhythm: the monthly update flow on time for every group, aligned to the releases",
    "Cross-stage collaboration: a shared roadmap with {peer} for the boundary categories",
];

pub(super) const CDF_OPENINGS: &[&str] = &[
    "Went through the CDF sheet together; {first} self-assessed first and we compared notes competency by competency.",
    "CDF review. {first} filled in the self-assessment beforehand, with links to the evidence (MRs, direction pages, the {shipped} release post).",
    "Quarterly CDF check-in. We agreed most competencies are where they were; the conversation was about where to stretch next.",
    "CDF review, in person at the {stage} offsite. {first} brought examples from {release} planning.",
];

pub(super) const CDF_PROGRESS: &[&str] = &[
    "Clear progress: the {category} work is the example {first} will use in the promotion document.",
    "Some progress, not yet consistent: two good examples, one miss during {shipped} planning.",
    "Not much movement: {group} had a heavy quarter. We keep it, with a smaller first step.",
    "Done well enough to move on; {em} noticed the difference without being asked.",
];

pub(super) const CDF_STRENGTHS: &[&str] = &[
    "Customer empathy: the {category} interviews are the best-run in the stage.",
    "Execution: {group} shipped what it planned for {shipped}, with scope cut early rather than late.",
    "Writing: the {category} direction page is the one other PMs copy.",
    "Collaboration: {em} says planning with {first} is the smoothest it has been.",
    "Ownership: {first} raised the {category} risk before anyone asked.",
];

pub(super) const CDF_CLOSINGS: &[&str] = &[
    "Next review in about three months. {first} will link evidence in the sheet as it happens rather than at the end.",
    "Agreed to check the focus areas in our 1:1s every couple of weeks, not just at the next review.",
    "Discussed how this maps to {next_title}: not yet, and we were both clear on what is missing.",
    "{first} will share the focus areas with {em}, so engineering knows what feedback helps.",
];

/// The section of a held 1:1 that is a career conversation (tagged
/// `career`), about twice a year.
pub(super) const CAREER_CONVERSATIONS: &[&str] = &[
    "**Career conversation**\n{first} wants to grow toward {next_title} within the next year or so. We went through the gaps in the CDF and agreed on one stretch assignment: owning the {category} section of the {stage} direction.",
    "**Career conversation**\nTwice-yearly check on the Individual Growth Plan. {first} is still energised by {group}; the long-term interest is people management. Next: mentor the next PM who joins {stage}.",
    "**Career conversation**\nWhere does {first} want to be in two years? Deeper in {category} as a domain expert rather than a broader scope. Agreed to look for a conference talk and a customer advisory board seat.",
    "**Career conversation**\nWe reviewed the growth plan from the last conversation: the visibility goal is done (presented at the {stage} stage review). New goal: lead the {quarter} OKR planning for {group}.",
];

/// Notes of a skip-level 1:1 with someone who reports to one of the
/// leader's managers.
pub(super) const SKIP_LEVEL_OPENERS: &[&str] = &[
    "Skip-level with {first}. Started with what is going well on {group}: the {shipped} release landed without surprises.",
    "Skip-level 1:1. {first} opened with the {category} customer research from this month.",
    "Skip-level with {first}, async-first: {first} sent the topics in the agenda doc the day before.",
];

/// What a skip-level 1:1 turned to, with its coaching tag.
pub(super) const SKIP_LEVEL_BODIES: &[(&str, &str)] = &[
    ("stakeholders", "Asked what gets in the way: too many status requests from {team}. I will raise a single intake issue with the managers."),
    ("feedback", "How are the 1:1s with their manager going? Weekly, useful, with a living agenda; {first} would like more feedback on the {category} direction page."),
    ("strategy", "{first} wants more context on how the {quarter} OKRs were chosen for the stage; I walked through the trade-offs."),
    ("career", "Career: {first} is interested in a Senior role within a year. Encouraged raising it with their manager at the next CDF review."),
    ("wellbeing", "Workload is fine; morale in {group} is good after the {shipped} launch. One worry: the on-call load on {em}'s team."),
    ("feedback", "Feedback for me: the product leadership updates are long; a three-line summary at the top would help."),
];

pub(super) const SKIP_LEVEL_CANCELLED: &[&str] = &[
    "Cancelled: clashed with the {stage} offsite; to be rebooked.",
    "Cancelled, {first} out sick. Rebook soon.",
];

/// OKR objectives of a PM's group, each with the key results that measure
/// it (the first two or three are used).
pub(super) const OKR_OBJECTIVES: &[(&str, &[&str])] = &[
    (
        "Make {category} the default choice for {stage} users",
        &[
            "Increase {category} monthly active users by 20%",
            "Cut the time to a first {category} result to under ten minutes",
            "Close the five top-voted {category} issues",
        ],
    ),
    (
        "Make {group} boringly reliable",
        &[
            "Meet the {category} error budget every week of the quarter",
            "Reduce open S2 bugs in {group} by 30%",
            "Ship the {category} performance fixes in {release}",
        ],
    ),
    (
        "Deepen our understanding of {category} users",
        &[
            "Hold 15 customer interviews on {category}",
            "Publish the {category} JTBD refresh in the handbook",
            "Validate two problem statements before {next} planning",
        ],
    ),
    (
        "Grow paid adoption of {category}",
        &[
            "Increase Ultimate usage of {category} by 15%",
            "Turn {customer}'s pilot into production use",
            "Take the {category} tiering proposal to the pricing committee",
        ],
    ),
    (
        "Dogfood {category} inside GitLab",
        &[
            "{team} moves off its internal tooling onto {category}",
            "Log 10 dogfooding issues and fix the top five",
        ],
    ),
    (
        "Take the friction out of the {category} workflow",
        &[
            "Cut the clicks in the main {category} flow by a third",
            "Raise the {category} SUS score by five points",
            "Fix the top three {category} findings of the product walkthrough",
        ],
    ),
];
