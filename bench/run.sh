#!/usr/bin/env bash
# bench/run.sh: stance against scikit-learn's MultinomialNB and fastText on
# the IMDB movie reviews (25,000 train, 25,000 test), all measured in the
# same run on the same TSV files. Prints one comparison table.
#
#   bench/run.sh            # from anywhere in the repository
#
# Needs Go. scikit-learn (Debian python3-sklearn, run with /usr/bin/python3)
# and fasttext (Debian fasttext) are used when installed and skipped when
# not. Everything is written under bench/out/.
set -euo pipefail

cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"

echo "building stance and imdbtsv" >&2
go build -o "$out/stance" ./cmd/stance
go build -o "$out/imdbtsv" ./bench/imdbtsv

data="$(go list -m -f '{{.Dir}}' github.com/cdipaolo/sentiment)/datasets"
echo "converting IMDB from $data" >&2
"$out/imdbtsv" -o "$out/imdb_train.tsv" "$data/train"
"$out/imdbtsv" -o "$out/imdb_test.tsv" "$data/test"

# measure NAME CMD...: runs CMD, stdout to $out/NAME.out, and sets $secs
# (wall seconds) and $peak_kb (peak resident set size).
measure() {
	local name=$1
	shift
	if [[ -x /usr/bin/time ]]; then
		/usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" >"$out/$name.out"
		read -r secs peak_kb <"$out/$name.time"
	else
		# No GNU time: poll the peak (VmHWM) in /proc while CMD runs.
		local start end pid hwm
		start=$(date +%s.%N)
		"$@" >"$out/$name.out" &
		pid=$!
		peak_kb=0
		while kill -0 "$pid" 2>/dev/null; do
			hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
			[[ -n $hwm && $hwm -gt $peak_kb ]] && peak_kb=$hwm
			sleep 0.01
		done
		wait "$pid"
		end=$(date +%s.%N)
		secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
	fi
}

# json_field FILE KEY: the number after "KEY": in FILE.
json_field() {
	sed -n "s/.*\"$2\": *\([0-9.eE+-]*\).*/\1/p" "$1" | head -n 1
}

max() { awk -v a="$1" -v b="$2" 'BEGIN {print (a > b) ? a : b}'; }

rows=()
# row SYSTEM NGRAMS TRAIN_S PREDICT_S ACCURACY PEAK_KB
row() { rows+=("$1|$2|$3|$4|$5|$6"); }

# stance: train and eval are separate processes; the times include reading
# the TSV, writing and loading the model file.
stance_run() {
	local sys=$1 ngrams=$2 name=$1-$2
	shift 2
	measure "$name-train" "$out/stance" train --quiet -o "$out/$name.json" "$@" "$out/imdb_train.tsv"
	local train_s=$secs train_kb=$peak_kb
	measure "$name-eval" "$out/stance" eval --model "$out/$name.json" --format json "$out/imdb_test.tsv"
	row "$sys" "$ngrams" "$train_s" "$secs" "$(json_field "$out/$name-eval.out" accuracy)" "$(max "$train_kb" "$peak_kb")"
}

echo "stance, unigrams (lower, numbers, negation, names, binary, alpha 0.5; the news-only --lexicon and --lead off)" >&2
stance_run "stance" 1 --ngrams 1 --lexicon=false --lead 0 --alpha 0.5
# The best naive-Bayes settings on IMDB (see bench/README.md): binarised
# n-gram counts (--binary), alpha 1, no negation or number folding.
# grep reads all of the help: with -q it would exit at the first match and
# the rest of stance's writes could die of SIGPIPE, failing the pipeline.
if "$out/stance" train -h 2>&1 | grep -- '-binary' >/dev/null; then
	for n in 2 3; do
		echo "stance, binary 1..$n-grams" >&2
		stance_run "stance-binary" "$n" --ngrams "$n" --binary --alpha 1 --negation=false --numbers=false --lexicon=false --lead 0
	done
else
	echo "stance train has no --binary flag yet: running uni+bigram counts" >&2
	stance_run "stance-counts" 2 --ngrams 2 --alpha 1 --negation=false --numbers=false --lexicon=false --lead 0
fi

py=/usr/bin/python3
if [[ -x $py ]] && "$py" -c 'import sklearn' 2>/dev/null; then
	for n in 1 2; do
		echo "scikit-learn CountVectorizer(ngram_range=(1, $n)) + MultinomialNB" >&2
		measure "sklearn-$n" "$py" bench/sklearn_nb.py --ngrams "$n" "$out/imdb_train.tsv" "$out/imdb_test.tsv"
		f="$out/sklearn-$n.out"
		row "sklearn-mnb" "$n" "$(json_field "$f" train_s)" "$(json_field "$f" predict_s)" "$(json_field "$f" accuracy)" "$peak_kb"
	done
else
	echo "scikit-learn not installed for /usr/bin/python3: skipped (apt-get install python3-sklearn)" >&2
fi

if command -v fasttext >/dev/null; then
	echo "fastText supervised -epoch 5 -wordNgrams 2" >&2
	for split in train test; do
		awk -F'\t' 'NR > 1 {print "__label__" $1 " " tolower($2)}' "$out/imdb_$split.tsv" >"$out/ft_$split.txt"
	done
	measure fasttext-train fasttext supervised -input "$out/ft_train.txt" -output "$out/ft" -epoch 5 -wordNgrams 2 -thread "$(nproc)" -verbose 0
	train_s=$secs train_kb=$peak_kb
	measure fasttext-test fasttext test "$out/ft.bin" "$out/ft_test.txt"
	row "fasttext" 2 "$train_s" "$secs" "$(awk '/^P@1/ {print $2}' "$out/fasttext-test.out")" "$(max "$train_kb" "$peak_kb")"
else
	echo "fasttext not installed: skipped (apt-get install fasttext)" >&2
fi

# The table. Speed ratio: scikit-learn's train+predict seconds with the same
# n-gram range over the system's, so 3.0 means three times as fast.
declare -A sk
for r in "${rows[@]}"; do
	IFS='|' read -r sys n tr pr acc kb <<<"$r"
	[[ $sys == sklearn-mnb ]] && sk[$n]=$(awk -v a="$tr" -v b="$pr" 'BEGIN {print a + b}')
done
printf '\nIMDB, 25,000 train / 25,000 test reviews, %s cores\n\n' "$(nproc)"
printf '| %-19s | %-6s | %7s | %9s | %8s | %7s | %-13s |\n' system ngrams "train s" "predict s" accuracy "peak MB" "vs sklearn"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "---------------------" "--------" "--------:" "----------:" "---------:" "--------:" "---------------"
for r in "${rows[@]}"; do
	IFS='|' read -r sys n tr pr acc kb <<<"$r"
	ratio=-
	if [[ -n ${sk[$n]:-} ]]; then
		ratio=$(awk -v s="${sk[$n]}" -v a="$tr" -v b="$pr" 'BEGIN {printf "%.2fx", s / (a + b)}')
	fi
	printf '| %-19s | %-6s | %7.2f | %9.2f | %8.4f | %7.0f | %-13s |\n' "$sys" "1-$n" "$tr" "$pr" "$acc" "$(awk -v k="$kb" 'BEGIN {print k / 1024}')" "$ratio"
done
