// semantic_tree.h — what is on screen, by role and name, for screen readers and browser tests.
//
// The UI adds a node for every heading, text, button, checkbox, radio, link, field and progress bar it
// draws; the platform mirrors the list as hidden, correctly-roled DOM elements over the canvas. Nodes
// are flat, in reading order; rectangles are in CSS pixels.
#pragma once

#include <string>
#include <vector>

namespace siaga {

enum class Role { Heading, Text, Button, Checkbox, Radio, Link, TextField, Progress, Alert };

struct SemanticNode {
  Role role = Role::Text;
  std::string name;     // the accessible name (the visible label or text)
  int level = 0;        // Heading: 1..6
  bool checked = false; // Checkbox, Radio; Button: pressed (toggle buttons)
  bool toggle = false;  // Button: has a pressed state (aria-pressed)
  bool expandable = false;  // Button: opens and closes something (aria-expanded)
  bool expanded = false;
  bool disabled = false;
  bool focused = false;
  bool editing = false;  // TextField: being typed into now (the page raises the phone's keyboard)
  bool numeric = false;  // TextField: takes digits (the phone shows a number pad)
  float value = 0;      // Progress: 0..1
  float x = 0, y = 0, w = 0, h = 0;

  bool operator==(const SemanticNode&) const = default;
};

struct SemanticTree {
  std::vector<SemanticNode> nodes;
  std::string language;  // BCP 47 tag of the text in the tree

  bool operator==(const SemanticTree&) const = default;
  // Compact JSON for the page's mirror: {"lang":"en","nodes":[{"r":"button","n":"Start",...}]}
  std::string to_json() const;
};

const char* role_name(Role role);

}  // namespace siaga
