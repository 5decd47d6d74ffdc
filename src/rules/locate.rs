//! Finds where an element sits in a block-style YAML rules file, for error
//! messages and help texts. serde_yaml reports positions for syntax and type
//! errors only; semantic errors (an undefined measure) need this.

/// 1-based (line, column) of the `index`-th item of the top-level sequence `key`.
pub fn sequence_item(text: &str, key: &str, index: usize) -> Option<(usize, usize)> {
    let mut in_key = false;
    let mut item_indent = None;
    let mut seen = 0usize;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 && !trimmed.starts_with('-') {
            in_key = trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'));
            item_indent = None;
            continue;
        }
        if !in_key || !(trimmed.starts_with("- ") || trimmed == "-") {
            continue;
        }
        let ind = *item_indent.get_or_insert(indent);
        if indent != ind {
            continue;
        }
        if seen == index {
            let content = trimmed.trim_start_matches('-').trim_start();
            let col = line.len() - content.len();
            return Some((n + 1, line[..col].chars().count() + 1));
        }
        seen += 1;
    }
    None
}

/// 1-based (line, column) of `name:` directly under the top-level mapping `key`.
pub fn mapping_key(text: &str, key: &str, name: &str) -> Option<(usize, usize)> {
    let mut in_key = false;
    let mut child_indent = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 {
            in_key = trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'));
            child_indent = None;
            continue;
        }
        if !in_key {
            continue;
        }
        let ind = *child_indent.get_or_insert(indent);
        if indent != ind {
            continue;
        }
        let unquoted = trimmed.trim_start_matches(['"', '\'']);
        if unquoted
            .strip_prefix(name)
            .is_some_and(|r| r.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
        {
            return Some((n + 1, indent + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_and_keys() {
        let y = "# rules\nclaims:\n  - A m = 1\n  # note\n  - subject: B\n    measure: m\nboilerplate:\n  views:\n    pattern: x\n";
        assert_eq!(sequence_item(y, "claims", 0), Some((3, 5)));
        assert_eq!(sequence_item(y, "claims", 1), Some((5, 5)));
        assert_eq!(sequence_item(y, "claims", 2), None);
        assert_eq!(mapping_key(y, "boilerplate", "views"), Some((8, 3)));
    }
}
