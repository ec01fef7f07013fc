package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// runMainEnv, when set in the environment, makes the test binary run the
// stance command instead of the tests (see TestMain), so that a test can
// run it as another user.
const runMainEnv = "STANCE_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	removeWireDir()
	os.Exit(code)
}

// TestUnreadableFiles classifies a folder holding an unreadable file and
// an unreadable subfolder beside a good article: each is named in a
// one-line error, the good article still comes through, and the exit is 1.
// Permission bits do not stop root, so under root the command runs as the
// user nobody, from a copy of the test binary that nobody may execute.
func TestUnreadableFiles(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "articles")
	if err := os.MkdirAll(filepath.Join(dir, "locked"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"good.txt":      "date: 2021-05-27\n\nMaduro rejected the talks on Tuesday.\n",
		"secret.txt":    "date: 2021-05-28\n\nBiden praised the deal.\n",
		"locked/in.txt": "date: 2021-05-29\n\nGuaido called for talks.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "secret.txt"), filepath.Join(dir, "locked")} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	args := []string{"classify", "--quiet", "--format", "jsonl", dir}

	var stdout, stderr string
	var code int
	if os.Geteuid() != 0 {
		stdout, stderr, code = invoke(t, "", args...)
	} else {
		stdout, stderr, code = runAsNobody(t, base, args)
	}
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr: %s", code, stderr)
	}
	for _, want := range []string{"secret.txt: permission denied", "locked: permission denied"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "stance: classify: ") {
			t.Errorf("stderr line not in the stance: classify: form: %q", line)
		}
	}
	if !strings.Contains(stdout, "Maduro rejected") {
		t.Errorf("the good article did not come through:\n%s", stdout)
	}
	if strings.Contains(stdout, "Biden") || strings.Contains(stdout, "Guaido") {
		t.Errorf("output holds text the user nobody cannot read:\n%s", stdout)
	}
}

// runAsNobody runs the stance command as the user nobody (65534) from a
// copy of the test binary in base, which it makes traversable.
func runAsNobody(t *testing.T, base string, args []string) (stdout, stderr string, code int) {
	t.Helper()
	for p := base; p != filepath.Dir(p) && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "stance.test")
	if err := copyFile(self, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = base
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), ee.ExitCode()
	}
	if err != nil {
		t.Skipf("cannot run the command as the user nobody: %v", err)
	}
	return out.String(), errb.String(), 0
}

func copyFile(from, to string, perm os.FileMode) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
