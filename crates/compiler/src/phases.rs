//! How long each stage of a compile took, printed to standard error when
//! `PORTAL_PHASES` is set: the figures `make bench-scale` shows, so that a
//! slow build says where its time goes.

use std::time::Instant;

pub struct Phases {
    /// When the last stage ended; `None` when nobody asked for the figures.
    last: Option<Instant>,
}

impl Phases {
    pub fn start() -> Phases {
        Phases { last: std::env::var_os("PORTAL_PHASES").map(|_| Instant::now()) }
    }

    /// Ends the stage named `name`.
    pub fn done(&mut self, name: &str) {
        if let Some(last) = self.last.as_mut() {
            eprintln!("  {:>7.2} s  {name}", last.elapsed().as_secs_f64());
            *last = Instant::now();
        }
    }
}
