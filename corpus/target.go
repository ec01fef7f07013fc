package corpus

// MarkTarget rewrites sentence for a target-aware analysis of its mention
// target, looking window words to each side. It is a placeholder that
// returns the sentence unchanged until the target-aware features land.
func MarkTarget(sentence, target string, window int) string {
	return sentence
}
