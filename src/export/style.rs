//! Visual style shared by every diagram format: one place decides the shape and
//! colour of each actor kind and the colour and line of each relation type, so
//! DOT, the embedded SVG renderer, HTML and Mermaid look alike.

use crate::model::{ActorKind, RelationType};

/// Font list for every label: Helvetica where present, else a metric-compatible sans.
pub const FONT: &str = "Helvetica,Arial,sans-serif";
/// Outline colour of nodes.
pub const OUTLINE: &str = "#5f6b7a";

/// Graphviz shape and fill colour of an actor kind.
pub fn kind_style(k: ActorKind) -> (&'static str, &'static str) {
    match k {
        ActorKind::Person => ("ellipse", "#cfe3f7"),
        ActorKind::Organization => ("box", "#fde2c4"),
        ActorKind::Country => ("hexagon", "#d4edcf"),
        ActorKind::Place => ("house", "#e6e1f0"),
    }
}

/// Line colour of a relation type (a qualitative palette readable in print).
pub fn relation_color(t: RelationType) -> &'static str {
    match t {
        RelationType::Call => "#1f77b4",
        RelationType::Meet => "#2ca02c",
        RelationType::Visit => "#17becf",
        RelationType::Condemn => "#d62728",
        RelationType::Claim => "#8c564b",
        RelationType::Attack => "#b10026",
        RelationType::Deny => "#7f7f7f",
        RelationType::Demand => "#ff7f0e",
        RelationType::Support => "#5fb84f",
        RelationType::Accuse => "#e377c2",
        RelationType::Threaten => "#9467bd",
        RelationType::Agree => "#a5a51a",
        RelationType::Affiliation => "#9a9a9a",
    }
}

/// Line style of a relation type: states (affiliation) are dashed, events solid.
pub fn relation_line(t: RelationType) -> &'static str {
    if t == RelationType::Affiliation {
        "dashed"
    } else {
        "solid"
    }
}

/// Arrow head of a relation type: an open head for affiliation (a state), a
/// filled one for events.
pub fn relation_arrow(t: RelationType) -> &'static str {
    if t == RelationType::Affiliation {
        "onormal"
    } else {
        "normal"
    }
}

/// Outline of highlighted actors and relations (a path's): near-black, a colour
/// no relation type uses.
pub const HIGHLIGHT: &str = "#1b1b1b";
/// Line colour of what is not highlighted when something is.
pub const DIMMED_LINE: &str = "#c8c8c8";
/// Text colour of what is not highlighted when something is.
pub const DIMMED_TEXT: &str = "#8a8a8a";
