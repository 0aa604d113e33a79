// sha256.h — SHA-256 (FIPS 180-4), for the checksums of stored and exported progress and for
// hashing profile PINs.
//
// Written here rather than taken from a library: no Debian source package of a small hashing library
// could be fetched on our build machines (rhash's tarballs are missing from the mirror) and OpenSSL is
// far too big for the WebAssembly download. It is checked against the NIST example vectors in
// tests/core/test_sha256.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace siaga {

using Sha256Digest = std::array<uint8_t, 32>;

// Incremental hashing, for input that arrives in pieces (the PIN hash feeds salt and PIN separately).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest of everything given to update(). The object must not be updated afterwards.
  Sha256Digest finish();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);

// Lowercase hexadecimal, two characters per byte.
std::string to_hex(std::string_view bytes);
std::string to_hex(const Sha256Digest& digest);

std::string sha256_hex(std::string_view bytes);

}  // namespace siaga
