// certificate_view.cpp — the learner's certificate of a completed course: a short panel with the
// reference code and two buttons (print, download the page), shown on the course page and under a
// graded quiz's result. The page itself is built in core (printable.h) when the app applies the action.
#include "core/certificate.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

void draw_certificate_actions(const View& v, const Course& course) {
  if (!course.certificate || v.app.profile_id.empty()) return;
  const Profile* me = find_profile(v.app.profiles, v.app.profile_id);
  if (!me) return;
  const auto certificate = learner_certificate(course, v.app.progress, me->name);
  if (!certificate) return;
  ImGui::PushID("certificate");
  notice(v.tf("certificate.earned", {course.title, std::to_string(certificate->score_percent), certificate->code}),
         theme().success);
  if (button(v.t("certificate.print"), true))
    v.act(PrintCertificate{course.id});
  ImGui::SameLine();
  if (button(v.t("certificate.download")))
    v.act(DownloadCertificate{course.id});
  ImGui::PopID();
}

}  // namespace siaga::ui
