//! Moving a choice on through its options, and ticking an item of a set: the one way every
//! few-option value of the workbook (a phase, a kind, a role, a tick) changes.

/// The option after `x` in `all`, round to the first again.
pub fn after<T: Copy + PartialEq>(all: &[T], x: T) -> T {
    let k = all.iter().position(|y| *y == x).unwrap_or(0);
    all[(k + 1) % all.len()]
}

/// The option after `x` in `all`, with "none" before the first and after the last.
pub fn after_or_none<T: Copy + PartialEq>(all: &[T], x: Option<T>) -> Option<T> {
    match x.and_then(|x| all.iter().position(|y| *y == x)) {
        None => all.first().copied(),
        Some(k) => all.get(k + 1).copied(),
    }
}

/// Ticks or unticks `x` in a list kept as a set (saved as a list without ids, which a merge
/// treats as a set).
pub fn toggle_in<T: PartialEq>(set: &mut Vec<T>, x: T) {
    match set.iter().position(|y| *y == x) {
        Some(k) => {
            set.remove(k);
        }
        None => set.push(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_go_round_and_sets_tick() {
        assert_eq!(after(&[1, 2, 3], 3), 1);
        assert_eq!(after(&[1, 2, 3], 1), 2);
        assert_eq!(after_or_none(&[1, 2], None), Some(1));
        assert_eq!(after_or_none(&[1, 2], Some(2)), None);
        let mut set = vec![1];
        toggle_in(&mut set, 2);
        toggle_in(&mut set, 1);
        assert_eq!(set, vec![2]);
    }
}
