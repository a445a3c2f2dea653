// Command terril turns French public-policy documents into a searchable corpus.
//
// Run "terril help" for the list of commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "terril:", err)
		os.Exit(exitCode(err))
	}
}
