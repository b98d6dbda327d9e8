//! Printing for `main` and the commands. A reader that goes away (`handbook check | head -3`,
//! a closed terminal) must not turn into a panic: Rust ignores SIGPIPE, so a write to a closed
//! pipe fails, and `println!` panics on that. These write instead, and when a stream is
//! closed they stop writing to it: `build`, `check` and `new` finish their work and exit
//! with their usual status, and `serve`, which only has its log left to write, stops with
//! status 0 ([`stdout_closed`]).

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes to standard output, unless it was found closed.
pub fn out(args: fmt::Arguments) {
    write(&mut io::stdout().lock(), &STDOUT_CLOSED, args);
}

/// Writes to standard error, unless it was found closed.
pub fn err(args: fmt::Arguments) {
    write(&mut io::stderr().lock(), &STDERR_CLOSED, args);
}

/// Whether a write to standard output failed because nobody reads it any more.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

fn write(stream: &mut impl Write, closed: &AtomicBool, args: fmt::Arguments) {
    if closed.load(Ordering::Relaxed) {
        return;
    }
    // Any other failure (a full disk behind a redirect) is as little worth a panic; it is
    // the broken pipe that tells the command its reader is gone.
    if let Err(e) = stream.write_fmt(args).and_then(|()| stream.flush())
        && e.kind() == io::ErrorKind::BrokenPipe
    {
        closed.store(true, Ordering::Relaxed);
    }
}

/// `println!` that survives a closed standard output.
#[macro_export]
macro_rules! outln {
    () => { $crate::cmd::console::out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cmd::console::out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` that survives a closed standard output.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::cmd::console::out(format_args!($($arg)*)) };
}

/// `eprintln!` that survives a closed standard error.
#[macro_export]
macro_rules! errln {
    () => { $crate::cmd::console::err(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cmd::console::err(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` that survives a closed standard error.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::cmd::console::err(format_args!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_stream_is_noted_not_a_panic() {
        let closed = AtomicBool::new(false);
        write(&mut Closed, &closed, format_args!("x"));
        assert!(closed.load(Ordering::Relaxed));
        let mut buf = Vec::new();
        write(&mut buf, &AtomicBool::new(false), format_args!("y {}", 1));
        assert_eq!(buf, b"y 1");
    }
}
