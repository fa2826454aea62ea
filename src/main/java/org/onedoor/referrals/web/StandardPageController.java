package org.onedoor.referrals.web;

import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.referrals.internal.ReferralStandards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quality referral standard of each workforce area: every signed-in user may read it, installation
 * administrators set it.
 */
@Controller
class StandardPageController {

    private final ReferralStandards standards;
    private final JdbcClient jdbc;

    StandardPageController(ReferralStandards standards, JdbcClient jdbc) {
        this.standards = standards;
        this.jdbc = jdbc;
    }

    /** One area with its standard, for the list. */
    record AreaStandard(long id, String name, QualityStandard standard) {
    }

    @GetMapping("/referrals/standards")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("areas", jdbc.sql("SELECT id, name FROM workforce_area ORDER BY name, id")
                .query((rs, row) -> new AreaStandard(rs.getLong("id"), rs.getString("name"),
                        standards.of(rs.getLong("id"))))
                .list());
        model.addAttribute("labels", QualityStandard.ELEMENTS.stream().map(QualityStandard::label).toList());
        model.addAttribute("canEdit", ReferralStandards.canEdit(user));
        return "referrals/standards";
    }

    @GetMapping("/referrals/standards/{areaId:[0-9]+}")
    String edit(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("areaName", standards.areaName(areaId));
        model.addAttribute("standard", standards.of(areaId));
        model.addAttribute("elements", QualityStandard.ELEMENTS);
        model.addAttribute("labels", QualityStandard.ELEMENTS.stream()
                .collect(java.util.stream.Collectors.toMap(e -> e, QualityStandard::label)));
        model.addAttribute("canEdit", ReferralStandards.canEdit(user));
        return "referrals/standard-edit";
    }

    /** Saves the ticked elements as required and the others as optional. */
    @PostMapping("/referrals/standards/{areaId:[0-9]+}")
    String save(@PathVariable long areaId, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        QualityStandard standard = new QualityStandard(form.containsKey("need"), form.containsKey("contact"),
                form.containsKey("consent"), form.containsKey("namedReceiver"), form.containsKey("handOffNote"),
                form.containsKey("firstContactDate"));
        standards.set(areaId, standard, user);
        redirect.addFlashAttribute("pageAlert", "Saved the quality referral standard of "
                + standards.areaName(areaId) + ": " + standard.requiredElements().size() + " of 6 elements required.");
        return "redirect:/referrals/standards";
    }
}
