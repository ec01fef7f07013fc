package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A command is one stance subcommand.
type command struct {
	name  string
	usage string // arguments after the name
	short string
	long  string
	// flags adds the command's flags to fs and returns the function that
	// runs it once they are parsed.
	flags func(fs *flag.FlagSet) func(ctx context.Context, e *env, args []string) error
}

// env is what a command may touch.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cmd            string
	failed         bool // a later error was reported but the command went on
	quiet          bool // no progress bar
}

// warnf reports a problem that does not stop the command and makes it exit 1.
func (e *env) warnf(format string, args ...any) {
	e.failed = true
	fmt.Fprintf(e.stderr, "stance: %s: %s\n", e.cmd, fmt.Sprintf(format, args...))
}

// usageError is a bad invocation: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errReported means the command already told the user what went wrong.
var errReported = errors.New("reported")

// commands in help order.
func commands() []*command {
	return []*command{
		cmdClassify(),
		cmdReport(),
		cmdCompare(),
		cmdTrain(),
		cmdEval(),
		cmdExplain(),
		cmdSuggest(),
		cmdCorpus(),
		cmdVersion(),
	}
}

// run is the whole program; it returns the exit status: 0 ok, 1 failure,
// 2 usage.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 {
		printHelp(stderr, cmds)
		return 2
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			for _, c := range cmds {
				if c.name == args[1] {
					fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
					c.flags(fs)
					printCommandHelp(stdout, c, fs)
					return 0
				}
			}
			fmt.Fprintf(stderr, "stance: help: unknown command %q\n", args[1])
			return 2
		}
		printHelp(stdout, cmds)
		return 0
	}
	for _, c := range cmds {
		if c.name != name {
			continue
		}
		e := &env{stdin: stdin, stdout: stdout, stderr: stderr, cmd: c.name}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		runFn := c.flags(fs)
		rest, err := parseArgs(fs, args[1:])
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandHelp(stdout, c, fs)
				return 0
			}
			fmt.Fprintf(stderr, "stance: %s: %v\nrun 'stance help %s' for usage\n", c.name, err, c.name)
			return 2
		}
		err = runFn(ctx, e, rest)
		var ue *usageError
		switch {
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "stance: %s: %s\nrun 'stance help %s' for usage\n", c.name, ue.msg, c.name)
			return 2
		case errors.Is(err, errReported):
			return 1
		case err != nil:
			fmt.Fprintf(stderr, "stance: %s: %s\n", c.name, oneLine(err.Error()))
			return 1
		case e.failed:
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "stance: unknown command %q\nrun 'stance help' for usage\n", name)
	return 2
}

// parseArgs parses flags wherever they appear among the arguments, as
// users expect ("stance classify news/ --format json"); "--" ends the flags
// and "-" is an argument (standard input).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
}

func printHelp(w io.Writer, cmds []*command) {
	fmt.Fprintf(w, "stance tags what governments and leaders say in news as pressure,\nnegotiation, support or neutral, and tables the stance mix per actor and date.\n\nUsage:\n\n\tstance <command> [flags] [arguments]\n\nCommands:\n\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, "\nRun 'stance help <command>' for a command's flags.\n")
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: stance %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.long))
	any := false
	fs.VisitAll(func(*flag.Flag) { any = true })
	if any {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder that is synced and renamed over path, so that an interrupted run
// leaves any old file intact.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after the rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
