# shellcheck shell=bash
# Shared by .ci/window-check and .ci/journey: a virtual X server, the editor
# started in it, input sent to its window, screenshots, and waiting for
# state. Source it; it defines functions and the variables below.
#
# The rule throughout: wait for a state, never for a fixed time. Every wait
# is a bounded poll (wait_for) that fails with a message naming what did
# not happen, so a slow machine only makes the run slower, and a broken
# program makes it fail quickly and say why.
#
# Variables the caller sets before using the functions:
#   OUT   folder for logs and screenshots (created)
#   BIN   the orgdraft binary
# Variables the functions set:
#   DISPLAY   the Xvfb display (x_start)
#   APP_PID   the running editor (app_start); APP_WIN its visible window
#   APP_LOG   its stdout and stderr
#   LAST_SHOT the latest screenshot taken by shot

X_PID=
APP_PID=
APP_WIN=
APP_LOG=
LAST_SHOT=
SHOT_NO=0
X_SCREEN=${X_SCREEN:-1400x900x24}

# say prints a line tagged with the script's name.
say() { echo "${0##*/}: $*"; }

# wait_for SECONDS WHAT COMMAND...: runs COMMAND every 0.1 s until it
# succeeds; after SECONDS fails, printing "timed out waiting for WHAT".
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "timed out after ${limit}s waiting for $what"
      return 1
    fi
    sleep 0.1
  done
}

# x_start starts Xvfb on a display it picks itself (-displayfd: the
# server chooses a free number and writes it once it accepts clients), so
# two runs on one machine never collide and no lock file is guessed at.
x_start() {
  local numfile="$OUT/display.$$"
  rm -f "$numfile"
  Xvfb -displayfd 3 -screen 0 "$X_SCREEN" -nolisten tcp 3>"$numfile" >"$OUT/xvfb.log" 2>&1 &
  X_PID=$!
  wait_for 20 "Xvfb to name its display" test -s "$numfile" || return 1
  DISPLAY=:$(head -n 1 "$numfile")
  export DISPLAY
  rm -f "$numfile"
  wait_for 20 "the X server on $DISPLAY to answer" xdpyinfo || return 1
  say "Xvfb on $DISPLAY"
}

# x_cleanup ends what this script started: the editor, then Xvfb (which
# also ends the xclip processes serving the clipboard). For trap EXIT.
x_cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$X_PID" ]; then kill "$X_PID" 2>/dev/null || true; fi
}

# fresh_home NAME makes a new, empty home (as on a first start: no
# preferences, no recent files, no recovery file) and exports HOME and
# XDG_RUNTIME_DIR for the programs started afterwards. .cache exists so
# that Fyne does not complain about its cache folder.
fresh_home() {
  HOME=$(mktemp -d "$OUT/home-$1.XXXX")
  XDG_RUNTIME_DIR="$HOME/run"
  export HOME XDG_RUNTIME_DIR
  mkdir -p "$HOME/.cache" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
}

# app_alive reports whether the editor is still running.
app_alive() { [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; }

# viewable WIN: the window exists and is mapped and viewable.
viewable() { xwininfo -id "$1" 2>/dev/null | grep -q "Map State: IsViewable"; }

# app_start LOGNAME [ARGS...] starts the editor and waits for its window:
# a visible (mapped) window of that very process, found with --pid and
# --onlyvisible, so that an unmapped helper window found by name is never
# used. Sets APP_PID, APP_WIN, APP_LOG.
app_start() {
  local name=$1
  shift
  APP_LOG="$OUT/app-$name.log"
  "$BIN" "$@" >>"$APP_LOG" 2>&1 &
  APP_PID=$!
  APP_WIN=
  local deadline=$((SECONDS + 90))
  while [ -z "$APP_WIN" ]; do
    if ! app_alive; then
      say "the editor exited before showing a window"
      cat "$APP_LOG"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "no visible window in 90 s"
      return 1
    fi
    # --sync waits for the window; the timeout keeps checking that the
    # program is still alive meanwhile.
    APP_WIN=$(timeout 2 xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1) || true
  done
  wait_for 20 "window $APP_WIN to be viewable" viewable "$APP_WIN" || return 1
  wait_for 20 "window $APP_WIN to get the keyboard" focus_window || return 1
  # The first frame: the screen is no longer the bare X background.
  wait_for 30 "the window to draw" drawn || return 1
  wait_settled
}

# focus_window gives the editor's window the keyboard (there is no window
# manager under Xvfb, so xdotool sets the input focus itself) and checks
# that it has it.
focus_window() {
  viewable "$APP_WIN" || return 1
  xdotool windowfocus --sync "$APP_WIN" && [ "$(xdotool getwindowfocus)" = "$APP_WIN" ]
}

# ensure_window fails unless the editor runs with its window viewable: no
# input is ever sent to a window that is not mapped.
ensure_window() {
  if ! app_alive; then
    say "the editor is not running any more"
    return 1
  fi
  if ! viewable "$APP_WIN"; then
    say "the editor's window $APP_WIN is not viewable"
    return 1
  fi
  [ "$(xdotool getwindowfocus 2>/dev/null)" = "$APP_WIN" ] || focus_window
}

# keys KEY...: real key presses (XTEST) into the focused editor window.
keys() {
  ensure_window || return 1
  local k
  for k in "$@"; do xdotool key "$k"; done
}

# paste TEXT: puts TEXT on the clipboard and presses Ctrl+A, Ctrl+V in the
# focused field, replacing its text. `xdotool type` garbles Chinese; the
# clipboard does not. xclip stays in the background serving the text until
# the next copy (or the X server's end).
paste() {
  ensure_window || return 1
  printf '%s' "$1" | xclip -selection clipboard >/dev/null 2>&1
  wait_for 5 "the clipboard to hold the text" clipboard_is "$1" || return 1
  keys ctrl+a ctrl+v
}

clipboard_is() { [ "$(xclip -selection clipboard -o 2>/dev/null)" = "$1" ]; }

# click X Y [COUNT]: moves the pointer there and clicks (COUNT times, as a
# double-click for 2).
click() {
  ensure_window || return 1
  xdotool mousemove --sync "$1" "$2" click --repeat "${3:-1}" --delay 60 1
}

# drag X1 Y1 X2 Y2: presses the button at the first point, moves to the
# second in steps (as a hand does: the canvas sees a drag, not a jump),
# and releases it there.
drag() {
  ensure_window || return 1
  local x1=$1 y1=$2 x2=$3 y2=$4 i steps=12
  xdotool mousemove --sync "$x1" "$y1" mousedown 1
  for i in $(seq 1 $steps); do
    xdotool mousemove --sync $((x1 + (x2 - x1) * i / steps)) $((y1 + (y2 - y1) * i / steps))
    sleep 0.03 # a hand's pace; the drop does not depend on it
  done
  xdotool mouseup 1
}

# grab FILE: a screenshot of the whole screen.
grab() { import -window root "$1"; }

# differs A B [PIXELS]: the two pictures differ in more than PIXELS
# (default 100) pixels — more than a blinking text cursor.
differs() {
  local n
  # AE is printed on stderr, sometimes as 1.2e+06; pictures of different
  # sizes give an error message instead, which counts as different.
  n=$(compare -metric AE -fuzz 2% "$1" "$2" null: 2>&1) || true
  awk -v n="${n%% *}" -v most="${3:-100}" 'BEGIN { exit !(n !~ /^[0-9.e+]+$/ || n + 0 > most) }'
}

# drawn: the screen shows more than a few colours (the window has drawn).
drawn() {
  local tmp="$OUT/.drawn.png"
  grab "$tmp" && [ "$(convert "$tmp" -format '%k' info:)" -ge 64 ]
}

# wait_settled: waits until two screenshots 0.2 s apart agree (animations
# and redraws are over), then keeps the last one as $OUT/.now.png.
wait_settled() {
  local a="$OUT/.settle-a.png" b="$OUT/.now.png" deadline=$((SECONDS + 20))
  grab "$a"
  while :; do
    sleep 0.2
    grab "$b"
    differs "$a" "$b" || return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "the screen did not settle in 20 s"
      return 1
    fi
    cp "$b" "$a"
  done
}

# screen_changed_from FILE: the screen now differs from the screenshot FILE.
screen_changed_from() {
  grab "$OUT/.probe.png" && differs "$1" "$OUT/.probe.png"
}

# screen_back_to FILE: the screen looks like the screenshot FILE again.
screen_back_to() {
  grab "$OUT/.probe.png" && ! differs "$1" "$OUT/.probe.png"
}

# act WHAT COMMAND...: takes a screenshot, runs COMMAND (an input), and
# waits until the screen changes and settles — the program's answer to
# the input — failing after 15 s with WHAT in the message.
act() {
  local what=$1
  shift
  ensure_window || return 1
  grab "$OUT/.before.png"
  "$@" || return 1
  wait_for 15 "the screen to change after: $what" screen_changed_from "$OUT/.before.png" || return 1
  wait_settled
}

# shot NAME: keeps the settled screen as the next numbered screenshot.
shot() {
  SHOT_NO=$((SHOT_NO + 1))
  LAST_SHOT=$(printf '%s/%02d-%s.png' "$SHOTS" "$SHOT_NO" "$1")
  grab "$LAST_SHOT"
}

# no_panic LOG: the program's output holds no panic or Go stack trace.
no_panic() {
  if grep -qiE "panic|goroutine [0-9]+|fatal error" "$1"; then
    say "the editor's log $1 holds a failure:"
    grep -iE -m 5 -A 8 "panic|fatal error" "$1"
    return 1
  fi
}

# app_quit: Ctrl+Q, as a user quits; waits for the process to end and
# expects exit status 0.
app_quit() {
  keys ctrl+q || return 1
  if ! wait_for 20 "the editor to exit after Ctrl+Q" eval '! app_alive'; then
    # Say what state it was left in, for whoever reads the failure: the
    # window still up (the key was not taken) or gone (exit hangs).
    shot "quit-timeout"
    if viewable "$APP_WIN"; then
      say "its window is still shown (screenshot $LAST_SHOT); focus is on $(xdotool getwindowfocus 2>/dev/null)"
    else
      say "its window is gone but the process still runs"
    fi
    return 1
  fi
  local status=0
  wait "$APP_PID" || status=$?
  APP_PID=
  if [ "$status" -ne 0 ]; then
    say "the editor exited with status $status"
    return 1
  fi
}

# The colours the scripts look for on screen. The chart's are fixed
# whatever the theme (ui/chartview/style.go); the primary colour is Fyne's
# default theme's, which fills the default button of a dialog.
PAPER_COLOUR='#f4f5f7'    # chartview paperColor
POSITION_COLOUR='#ffffff' # chartview positionFill
SELECT_COLOUR='#1a73e8'   # chartview selectColor
PRIMARY_COLOUR='#296ff6'  # Fyne's theme.ColorNamePrimary (default blue)

# regions SHOT COLOUR MINAREA [CROP]: the connected areas of exactly
# COLOUR (4-connected) of at least MINAREA pixels, one "x y w h" per line
# (screen coordinates), sorted top to bottom, then left to right. CROP
# (WxH+X+Y) limits the search to part of the screen.
regions() {
  local shot=$1 colour=$2 min=$3 crop=${4:-} dx=0 dy=0
  local args=()
  if [ -n "$crop" ]; then
    args=(-crop "$crop" +repage)
    dx=${crop#*+}
    dy=${dx#*+}
    dx=${dx%%+*}
  fi
  convert "$shot" "${args[@]}" -fill black +opaque "$colour" -fill white -opaque "$colour" \
    -define connected-components:verbose=true -define connected-components:area-threshold="$min" \
    -connected-components 4 null: 2>/dev/null |
    awk -v dx="$dx" -v dy="$dy" '$NF == "srgb(255,255,255)" || $NF == "gray(255)" {
      split($2, g, /[x+]/); print g[3] + dx, g[4] + dy, g[1], g[2] }' |
    sort -n -k2,2 -k1,1
}

# paper_area SHOT: the chart's paper on screen, as WxH+X+Y.
paper_area() {
  convert "$1" -fill black +opaque "$PAPER_COLOUR" -format '%@' info:
}

# position_boxes SHOT: the position boxes on the chart ("x y w h", top to
# bottom): the white box fill within the paper. Text inside a box does not
# split its fill, so each box is one area; white text elsewhere in the
# window is outside the paper and too small anyway.
position_boxes() {
  regions "$1" "$POSITION_COLOUR" 800 "$(paper_area "$1")"
}

# default_button SHOT: the lowest large area of the primary colour — the
# default button of the dialog on top ("x y w h").
default_button() {
  regions "$1" "$PRIMARY_COLOUR" 700 | tail -n 1
}

# centre "x y w h": prints the centre "cx cy".
centre() {
  set -- $1
  echo $(($1 + $3 / 2)) $(($2 + $4 / 2))
}

# paper_pixels SHOT: how many pixels show the chart's paper. A Fyne dialog
# dims the whole window behind it, so the paper's exact colour is gone
# while one is open: a state check for "a dialog is open" that needs no
# text recognition.
paper_pixels() {
  convert "$1" -fill black +opaque "$PAPER_COLOUR" -fill white -opaque "$PAPER_COLOUR" \
    -format '%[fx:int(mean*w*h)]' info:
}

# dialog_open: a dialog covers the window now (next to no paper visible).
dialog_open() {
  grab "$OUT/.probe.png" && [ "$(paper_pixels "$OUT/.probe.png")" -lt 2000 ]
}

# no_dialog: the chart is visible undimmed (no dialog open).
no_dialog() {
  grab "$OUT/.probe.png" && [ "$(paper_pixels "$OUT/.probe.png")" -ge 20000 ]
}

# focused_text: copies the text of the focused field (Ctrl+A, Ctrl+C) and
# prints it; fails when nothing was copied (no text field has the focus).
# The clipboard is first set to a marker, so a copy is seen as a change.
focused_text() {
  local marker="-- nothing copied $RANDOM --"
  printf '%s' "$marker" | xclip -selection clipboard >/dev/null 2>&1
  wait_for 5 "the clipboard to take the marker" clipboard_is "$marker" || return 1
  keys ctrl+a ctrl+c || return 1
  local deadline=$((SECONDS + 2)) text
  while [ "$SECONDS" -lt "$deadline" ]; do
    text=$(xclip -selection clipboard -o 2>/dev/null) || true
    if [ "$text" != "$marker" ]; then
      printf '%s' "$text"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# focus_field PATTERN: presses Tab (at most 6 times) until the focused
# field's text matches the shell PATTERN — a state check of where the
# keyboard is, made through the clipboard.
focus_field() {
  local i text
  for i in 1 2 3 4 5 6 7; do
    if text=$(focused_text); then
      # shellcheck disable=SC2053 # PATTERN is a glob on purpose
      [[ $text == $1 ]] && return 0
    fi
    [ "$i" -lt 7 ] && keys Tab
  done
  say "no field holding '$1' got the focus after 6 × Tab"
  return 1
}
