fn main() -> std::process::ExitCode {
    claimlint::cli::run()
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
