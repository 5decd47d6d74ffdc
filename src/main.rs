fn main() -> std::process::ExitCode {
    claimlint::cli::run()
}
