// rtl_text.h — drawing in a right-to-left language (Dari/Farsi, Arabic). Once the shaper is ready,
// draw_app turns it on for the frame; the widgets (widgets.cpp) and lesson text (lesson_view.cpp)
// then shape every string (cached), wrap it in reading order and right-align it. The semantic
// mirror always gets the original logical text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace siaga::ui {

// Shapes one line: logical UTF-8 and rtl::option_flags -> visual UTF-8 (main sets it from Platform).
using ShapeFunction = std::string (*)(std::string_view logical, int flags);
void set_shape_function(ShapeFunction shape);

// Called by draw_app each frame: the language drawn and whether its shaper and faces are ready.
void set_text_direction(std::string_view language, bool shaper_ready);
bool rtl();  // this frame draws right to left

// The visual form of one line (cached; the text itself when not rtl()).
// left_to_right: the piece is a Latin word inside a right-to-left line (its brackets stay as typed).
const std::string& shaped(std::string_view logical, bool left_to_right = false);
// True for Latin text with no Arabic-script letter (an English course in the Arabic catalog): laid out
// left to right. Text of the language itself stays right to left even when it starts with "IOM".
bool starts_left_to_right(std::string_view logical);

// Lines of a paragraph wrapped at `width` in the current font, each already shaped, in reading order.
std::vector<std::string> shaped_lines(std::string_view logical, float width);
// Draws wrapped, right-aligned text from the cursor across the content region (one ImGui group).
void rtl_text_wrapped(std::string_view logical);

// The visual form of a line in a given language, whatever the current one (the language menu names
// each language in itself); only once the shaper is ready.
const std::string& shaped_in(std::string_view language, std::string_view logical);

// A label for ImGui: the shaped visible text, with the original label as its id ("###" + label).
std::string rtl_label(std::string_view label);

}  // namespace siaga::ui
