#!/usr/bin/env bash
# build.sh [OUT] — builds the reference page of tools/bench.sh: Dear ImGui's own SDL2 + OpenGL3
# example (examples/example_sdl2_opengl3) for Emscripten, from the same Debian imgui source the portal
# uses (build/_deps/imgui), with the example's own settings: its Makefile.emscripten is run as it is,
# except for one line. Output: OUT/web/index.html, index.js, index.wasm (OUT defaults to
# build/bench/reference). Incremental: nothing is rebuilt when the output is newer than its inputs.
#
# The one changed line: the Makefile asks for `-s USE_SDL=2`, Emscripten's SDL2 port, which cannot be
# built here (Debian freezes Emscripten's cache, and the port downloads its source). Instead, SDL2 is
# compiled as that port compiles it — the port's own source list (Emscripten 3.1.6,
# tools/ports/sdl2.py) plus the four files SDL 2.26 added to it, SDL's stock Emscripten configuration
# (every subsystem on), `-O2 -w` — from the same Debian SDL source (build/_deps/libsdl2) as the portal.
# The port's one link setting (two JS library functions SDL's audio code needs) is passed as well.
#
# Debian's source package also drops examples/libs, which holds the example's shell page and main-loop
# header; tests/bench/reference/ holds stand-ins doing the same thing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(mkdir -p "${1:-$root/build/bench/reference}" && cd "${1:-$root/build/bench/reference}" && pwd)
imgui="$root/build/_deps/imgui"
sdl="$root/build/_deps/libsdl2"
example="$imgui/examples/example_sdl2_opengl3"
jobs=$(nproc)
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten needs acorn from there (TOOLCHAIN.md)
[[ -f "$example/Makefile.emscripten" && -f "$sdl/src/SDL.c" ]] || {
  echo "reference/build.sh: build/_deps is missing imgui or libsdl2; run tools/fetch-sources.sh" >&2; exit 1; }

newer_than_output() {  # true when any argument is newer than $1
  local target=$1; shift
  [[ -f "$target" ]] || return 0
  for f in "$@"; do [[ "$f" -nt "$target" ]] && return 0; done
  return 1
}

# --- SDL2, as Emscripten's sdl2 port builds it ------------------------------------------------------
sdl_sources=(SDL.c SDL_assert.c SDL_dataqueue.c SDL_error.c SDL_hints.c SDL_log.c atomic/SDL_atomic.c
  atomic/SDL_spinlock.c audio/SDL_audio.c audio/SDL_audiocvt.c audio/SDL_audiodev.c
  audio/SDL_audiotypecvt.c audio/SDL_mixer.c audio/SDL_wave.c cpuinfo/SDL_cpuinfo.c
  dynapi/SDL_dynapi.c events/SDL_clipboardevents.c events/SDL_displayevents.c events/SDL_dropevents.c
  events/SDL_events.c events/SDL_gesture.c events/SDL_keyboard.c events/SDL_mouse.c events/SDL_quit.c
  events/SDL_touch.c events/SDL_windowevents.c file/SDL_rwops.c haptic/SDL_haptic.c
  joystick/SDL_gamecontroller.c joystick/SDL_joystick.c
  power/SDL_power.c render/SDL_d3dmath.c render/SDL_render.c
  render/SDL_yuv_sw.c render/direct3d/SDL_render_d3d.c render/direct3d11/SDL_render_d3d11.c
  render/opengl/SDL_render_gl.c render/opengl/SDL_shaders_gl.c render/opengles/SDL_render_gles.c
  render/opengles2/SDL_render_gles2.c render/opengles2/SDL_shaders_gles2.c
  render/psp/SDL_render_psp.c render/software/SDL_blendfillrect.c render/software/SDL_blendline.c
  render/software/SDL_blendpoint.c render/software/SDL_drawline.c render/software/SDL_drawpoint.c
  render/software/SDL_render_sw.c render/software/SDL_rotate.c render/software/SDL_triangle.c
  sensor/SDL_sensor.c sensor/dummy/SDL_dummysensor.c
  stdlib/SDL_crc32.c stdlib/SDL_getenv.c stdlib/SDL_iconv.c stdlib/SDL_malloc.c stdlib/SDL_qsort.c
  stdlib/SDL_stdlib.c stdlib/SDL_string.c stdlib/SDL_strtokr.c thread/SDL_thread.c timer/SDL_timer.c
  video/SDL_RLEaccel.c video/SDL_blit.c video/SDL_blit_0.c video/SDL_blit_1.c video/SDL_blit_A.c
  video/SDL_blit_N.c video/SDL_blit_auto.c video/SDL_blit_copy.c video/SDL_blit_slow.c
  video/SDL_bmp.c video/SDL_clipboard.c video/SDL_egl.c video/SDL_fillrect.c video/SDL_pixels.c
  video/SDL_rect.c video/SDL_shape.c video/SDL_stretch.c video/SDL_surface.c video/SDL_video.c
  video/SDL_yuv.c video/emscripten/SDL_emscriptenevents.c
  video/emscripten/SDL_emscriptenframebuffer.c video/emscripten/SDL_emscriptenmouse.c
  video/emscripten/SDL_emscriptenopengles.c video/emscripten/SDL_emscriptenvideo.c
  audio/emscripten/SDL_emscriptenaudio.c video/dummy/SDL_nullevents.c
  video/dummy/SDL_nullframebuffer.c video/dummy/SDL_nullvideo.c video/yuv2rgb/yuv_rgb.c
  audio/disk/SDL_diskaudio.c audio/dummy/SDL_dummyaudio.c loadso/dlopen/SDL_sysloadso.c
  power/emscripten/SDL_syspower.c joystick/emscripten/SDL_sysjoystick.c
  filesystem/emscripten/SDL_sysfilesystem.c timer/unix/SDL_systimer.c haptic/dummy/SDL_syshaptic.c
  main/dummy/SDL_dummy_main.c locale/SDL_locale.c locale/emscripten/SDL_syslocale.c misc/SDL_url.c
  misc/dummy/SDL_sysurl.c
  thread/generic/SDL_syscond.c thread/generic/SDL_sysmutex.c thread/generic/SDL_syssem.c
  thread/generic/SDL_systhread.c thread/generic/SDL_systls.c
  # added to the port's list since SDL 2.0.20 (needed to link 2.26):
  SDL_guid.c SDL_list.c stdlib/SDL_crc16.c joystick/controller_type.c)
sdl_lib="$out/sdl/libSDL2.a"
if newer_than_output "$sdl_lib" "$0" "$sdl/include/SDL_config_emscripten.h"; then
  echo "reference: compiling SDL2 (${#sdl_sources[@]} files, as Emscripten's port does)"
  rm -rf "$out/sdl"
  mkdir -p "$out/sdl/obj"
  printf '%s\n' "${sdl_sources[@]}" | xargs -P"$jobs" -I{} sh -c \
    'o="$1/$(echo "$3" | tr / _).o"; emcc -c "$2/src/$3" -o "$o" -I"$2/include" -O2 -w' _ "$out/sdl/obj" "$sdl" {}
  emar rcs "$sdl_lib.tmp" "$out"/sdl/obj/*.o
  mv "$sdl_lib.tmp" "$sdl_lib"
fi
printf '["$autoResumeAudioContext", "$dynCall"]' > "$out/sdl/library_funcs.json"

# --- The example, with its own Makefile -----------------------------------------------------------------
src="$out/src/examples/example_sdl2_opengl3"
if newer_than_output "$out/web/index.wasm" "$0" "$sdl_lib" "$example/main.cpp" "$example/Makefile.emscripten" \
    "$here/shell_minimal.html" "$here/shell.css" "$here/shell.js" "$here/emscripten_mainloop_stub.h" \
    "$imgui"/imgui*.cpp "$imgui"/imgui*.h; then
  echo "reference: building $example with its Makefile.emscripten"
  rm -rf "$out/src" "$out/web"
  mkdir -p "$src" "$out/src/examples/libs/emscripten"
  cp "$example/main.cpp" "$src/"
  cp "$here/shell_minimal.html" "$here/emscripten_mainloop_stub.h" "$out/src/examples/libs/emscripten/"
  # The one change: the SDL2 port becomes the library built above.
  sed -e 's|^EMS += -s USE_SDL=2$|EMS += $(REFERENCE_SDL_FLAGS)|' "$example/Makefile.emscripten" > "$src/Makefile.emscripten"
  [[ $(grep -c 'REFERENCE_SDL_FLAGS' "$src/Makefile.emscripten") == 1 ]] || {
    echo "reference/build.sh: the example's Makefile.emscripten no longer has 'EMS += -s USE_SDL=2'; update this script" >&2
    exit 1; }
  printf '\nLDFLAGS += $(REFERENCE_SDL_LIBS)\n' >> "$src/Makefile.emscripten"
  make -C "$src" -f Makefile.emscripten -j"$jobs" IMGUI_DIR="$imgui" \
    REFERENCE_SDL_FLAGS="-isystem $sdl/include" \
    REFERENCE_SDL_LIBS="$sdl_lib -sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=@$out/sdl/library_funcs.json"
  cp "$here/shell.css" "$here/shell.js" "$src/web/"
  rm -rf "$out/web"
  mv "$src/web" "$out/web"
fi
# Precompressed copies, as the portal's folder has, so tools/serve.mjs serves both pages the same way.
for f in "$out"/web/*; do
  case "$f" in *.br|*.gz) continue ;; esac
  [[ -f "$f.gz" && "$f.gz" -nt "$f" ]] || gzip -9 -n -k -f "$f"
  [[ -f "$f.br" && "$f.br" -nt "$f" ]] || brotli -q 11 -k -f "$f"
done
echo "reference: $out/web is ready"
