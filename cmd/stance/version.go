package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"

	"github.com/stancemix/stance/models"
)

func cmdVersion() *command {
	return &command{
		name:  "version",
		usage: "",
		short: "print the version and the model format",
		long:  "Version prints the stance module version, the model file format version it reads and writes, and the default model's training summary.",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, args []string) error {
				v := "(devel)"
				if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
					v = bi.Main.Version
				}
				fmt.Fprintf(e.stdout, "stance %s, model format %d\n", v, models.Version)
				m, err := models.Default()
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "default model: labels %v, %d rows, vocabulary %d", m.Labels, sum(m.Summary.Rows), m.Summary.Vocabulary)
				if cv := m.Summary.CV; cv != nil {
					fmt.Fprintf(e.stdout, ", %d-fold cv macro-F1 %.3f", cv.Folds, cv.MacroF1)
				}
				fmt.Fprintln(e.stdout)
				return nil
			}
		},
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
