//! `handbook serve`, around the pipeline: its arguments in, [`crate::serve`] started and its
//! events printed.

use crate::config::Overrides;
use crate::diagnostics::Severity;
use crate::serve::{self, Event, Options};
use crate::{errln, outln};
use anyhow::Result;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on [default: 8000, or the next free one]; 0 picks any free port.
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,

    /// Address to listen on. Anything but 127.0.0.1 or ::1 lets other computers see the preview.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,

    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(root: &Path, args: &Args, quiet: bool) -> Result<()> {
    let options = Options {
        root: root.to_path_buf(),
        overrides: Overrides {
            drafts: args.drafts,
            ..Overrides::default()
        },
        bind: args.bind,
        port: args.port,
    };
    let open = args.open;
    let exposed = !args.bind.is_loopback();
    let report = move |event: Event<'_>| {
        print_event(event, quiet, open, exposed);
        // Nobody reads the log any more (`handbook serve | head -3`): the preview stops, as
        // documented in `console`, instead of serving on with nowhere to say what it does.
        if super::console::stdout_closed() {
            std::process::exit(0);
        }
    };
    serve::run(&options, Arc::new(report))
}

fn print_event(event: Event<'_>, quiet: bool, open: bool, exposed: bool) {
    match event {
        Event::Ready {
            url,
            pages,
            files,
            elapsed,
        } => {
            if !quiet {
                outln!(
                    "Built {} pages ({}, {files} files) in memory in {:.2} s",
                    pages.values().sum::<usize>(),
                    super::per_language(pages),
                    elapsed.as_secs_f64()
                );
                outln!("Serving {url}");
                outln!("Watching content/, themes/, i18n/ and handbook.yaml; press Ctrl-C to stop");
            }
            if exposed {
                errln!(
                    "warning: listening on {url} and every address of this computer: anyone on your network can see the preview"
                );
            }
            if open && let Err(e) = serve::open_browser(&url) {
                errln!("warning: cannot open a browser ({e}); open {url} yourself");
            }
        }
        Event::Rebuilt(update) => {
            if !quiet {
                let what: Vec<String> = update
                    .sources
                    .iter()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .collect();
                let t = update.timings;
                outln!(
                    "Rebuilt {} ({} page{} in {} ms: parse {}, model {}, render {})",
                    if what.is_empty() {
                        "the site".to_string()
                    } else {
                        what.join(", ")
                    },
                    update.rendered,
                    if update.rendered == 1 { "" } else { "s" },
                    ms(t.total),
                    ms(t.parse),
                    ms(t.model),
                    ms(t.render)
                );
            }
        }
        Event::Problems(problems) => {
            if problems.0.is_empty() {
                if !quiet {
                    outln!("All problems are fixed");
                }
            } else {
                for d in &problems.0 {
                    if !quiet || d.severity == Severity::Error {
                        errln!("{}", d.human());
                    }
                }
                errln!(
                    "The preview keeps the last good version of the pages with problems; fix them and it updates"
                );
            }
        }
        Event::Indexed { langs, elapsed } => {
            if !quiet {
                let langs: Vec<String> = langs.iter().map(|l| l.to_string()).collect();
                outln!(
                    "Search index ({}) updated in {} ms",
                    langs.join(", "),
                    elapsed.as_millis()
                );
            }
        }
    }
}

/// Milliseconds, with a decimal below 10.
fn ms(d: std::time::Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}
