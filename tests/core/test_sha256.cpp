// SHA-256 against the NIST example vectors (FIPS 180-4 examples, "SHA256.pdf" and the one-million-'a'
// message of FIPS 180-2 appendix B.3).
#include <doctest/doctest.h>

#include <string>

#include "core/sha256.h"

using namespace siaga;

TEST_CASE("sha-256 of the one-block message 'abc' is the NIST value") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha-256 of the empty string is the NIST value") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha-256 of the 448-bit message spills its padding into a second block") {
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha-256 of one million 'a' is the NIST value") {
  CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha-256 fed in uneven pieces equals sha-256 of the whole") {
  const std::string message(130, 'x');  // a little over two blocks
  Sha256 hasher;
  hasher.update(message.substr(0, 3));
  hasher.update(message.substr(3, 70));  // crosses the 64-byte block edge mid-piece
  hasher.update("");
  hasher.update(message.substr(73));
  CHECK(to_hex(hasher.finish()) == sha256_hex(message));
}

TEST_CASE("hex output is lowercase, two digits per byte, with leading zeros") {
  CHECK(to_hex(std::string_view("\x00\x0f\xa0\xff", 4)) == "000fa0ff");
}
