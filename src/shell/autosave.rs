//! When to autosave: shortly after typing pauses, and never more than 1.5 s behind the first
//! unsaved change however fast the typing; after a failure, retry every few seconds.

use std::time::{Duration, Instant};

/// Save this long after the last change…
pub const IDLE: Duration = Duration::from_millis(800);
/// …but no later than this after the first unsaved one.
pub const MAX_DELAY: Duration = Duration::from_millis(1500);
/// After a failed save, try again this often.
pub const RETRY: Duration = Duration::from_secs(5);

/// The autosave timer. Pure: the caller passes the time in.
#[derive(Debug, Default, Clone)]
pub struct Autosave {
    first: Option<Instant>,
    last: Option<Instant>,
    retry_at: Option<Instant>,
}

impl Autosave {
    /// A change was made at `now`.
    pub fn touch(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// Changes are waiting to be saved (or a failed save to be retried).
    pub fn pending(&self) -> bool {
        self.first.is_some() || self.retry_at.is_some()
    }

    /// When the next save is due, or `None` when nothing waits (the loop then sleeps).
    pub fn deadline(&self) -> Option<Instant> {
        if let Some(retry) = self.retry_at {
            return Some(retry);
        }
        let (first, last) = (self.first?, self.last?);
        Some((last + IDLE).min(first + MAX_DELAY))
    }

    /// A save succeeded: nothing is pending.
    pub fn saved(&mut self) {
        *self = Autosave::default();
    }

    /// A save failed at `now`: keep the changes pending and retry later.
    pub fn failed(&mut self, now: Instant) {
        self.retry_at = Some(now + RETRY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_app_has_no_deadline() {
        assert_eq!(Autosave::default().deadline(), None);
    }

    #[test]
    fn deadline_follows_the_pause_but_never_exceeds_the_cap() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.touch(t0);
        assert_eq!(a.deadline(), Some(t0 + Duration::from_millis(800)));
        // Typing on without a pause: the deadline stops moving at the cap. The figures are
        // the promise (README: never more than 1.5 s behind), not the constants restated.
        for ms in (100..3000).step_by(100) {
            a.touch(t0 + Duration::from_millis(ms));
            let due = a.deadline().unwrap();
            assert!(due <= t0 + Duration::from_millis(1500), "at {ms} ms");
            assert!(due <= t0 + Duration::from_millis(ms + 800), "at {ms} ms");
        }
        assert_eq!(a.deadline(), Some(t0 + MAX_DELAY));
        a.saved();
        assert_eq!(a.deadline(), None);
        assert!(!a.pending());
    }

    #[test]
    fn a_failure_schedules_a_retry() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.touch(t0);
        a.failed(t0);
        assert_eq!(a.deadline(), Some(t0 + RETRY));
        assert!(a.pending());
    }
}
