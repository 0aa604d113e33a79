// door.h — a call the compiler and wasm-opt cannot see through.
//
// door(f)(args...) calls f through a volatile pointer, so f stays a function of its own (never inlined
// into its caller) and its caller holds no direct call to it. The web build cuts the code reachable
// only through such calls out of siaga.wasm into modules the page downloads when a screen first needs
// them (tools/split-wasm.py lists the doors by name: app/code_module.h, app/facilitator_code.h).
// Natively, and in tests, it is an ordinary call.
#pragma once

namespace siaga {

template <class F>
F* door(F* function) {
  F* volatile pointer = function;
  return pointer;
}

}  // namespace siaga
