//! Helpers shared by the unit tests of several modules.

/// A small deterministic generator for property sweeps and random texts.
pub fn lcg(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    *seed >> 11
}

/// A number below `n` from [`lcg`].
pub fn below(seed: &mut u64, n: usize) -> usize {
    (lcg(seed) % n as u64) as usize
}
