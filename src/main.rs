//! The `handbook` binary, around the pipeline: arguments in, an exit code out (parse arguments,
//! run the command, print errors).

use clap::Parser;
use handbook::cli::{Cli, Command};
use handbook::cmd;
use handbook::diagnostics::{Diagnostics, terminal_safe};
use handbook::{err, errln};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a build allocates and frees millions of small
/// strings from many threads, and glibc's malloc was an eighth of a 10,000-page build's time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C, SIGTERM or SIGHUP (a closed terminal): a build in progress removes its
    // half-written folder and lock first. 130 is the shell's status for Ctrl-C. Without a
    // handler (it cannot be installed) the default stop applies, and the next build cleans up.
    let _ = ctrlc::set_handler(|| {
        handbook::output::interrupted();
        std::process::exit(130);
    });
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(&cli.root, args, cli.quiet),
        Command::Check(args) => cmd::check::run(&cli.root, args, cli.quiet),
        Command::New(args) => cmd::new::run(&cli.root, args, cli.quiet),
        Command::Serve(args) => cmd::serve::run(&cli.root, args, cli.quiet),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is::<cmd::Reported>() => ExitCode::FAILURE,
        Err(err) if err.is::<cmd::Usage>() => {
            // The message quotes the command line, which may hold escape sequences.
            errln!("error: {}", terminal_safe(&err.to_string()));
            ExitCode::from(2)
        }
        Err(err) => {
            if let Some(diags) = err.downcast_ref::<Diagnostics>() {
                errln!("{diags}");
                errln!("handbook: nothing was written; fix the problems above and run again");
            } else {
                err!("error: {err}");
                for cause in err.chain().skip(1) {
                    err!(": {cause}");
                }
                errln!();
            }
            ExitCode::FAILURE
        }
    }
}
