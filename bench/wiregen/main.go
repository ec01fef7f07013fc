// Command wiregen writes synthetic wire-style articles (see
// internal/wiregen) to a folder, the input for timing stance classify:
//
//	go run ./bench/wiregen -n 10000 -o /tmp/wire
//	go build -o /tmp/stance ./cmd/stance
//	time /tmp/stance classify --quiet --format jsonl /tmp/wire > /dev/null
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stancemix/stance/internal/wiregen"
)

func main() {
	n := flag.Int("n", 10000, "number of `articles`")
	seed := flag.Uint64("seed", 1, "random `seed`")
	out := flag.String("o", "wire", "output `folder`")
	flag.Parse()
	size, err := wiregen.WriteDir(*out, *seed, *n)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wiregen: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wiregen: %d articles, %.1f MB in %s\n", *n, float64(size)/1e6, *out)
}
