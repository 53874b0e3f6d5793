// Package seconds formats durations for people the one way asyncls prints
// them everywhere: the simulator's output and the rules' messages share it
// (rules may not import the simulator, so it lives here, not in loopsim).
package seconds

import "fmt"

// Format renders a duration in seconds: "12.3 s", "0.25 s", "40 ms".
func Format(s float64) string {
	switch {
	case s >= 10:
		return fmt.Sprintf("%.1f s", s)
	case s >= 0.1:
		return fmt.Sprintf("%.2f s", s)
	default:
		return fmt.Sprintf("%.0f ms", s*1000)
	}
}
