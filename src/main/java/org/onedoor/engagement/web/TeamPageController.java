package org.onedoor.engagement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.directory.Directory;
import org.onedoor.engagement.AccountTeam;
import org.onedoor.engagement.internal.AccountTeams;
import org.onedoor.engagement.internal.AccountTeams.NewTeam;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where partner administrators list and create their partner's account manager teams. */
@Controller
class TeamPageController {

    private final AccountTeams teams;
    private final UserAccounts accounts;
    private final Directory directory;

    TeamPageController(AccountTeams teams, UserAccounts accounts, Directory directory) {
        this.teams = teams;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/admin/account-teams")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(user, Map.of(), "", model);
    }

    @PostMapping("/admin/account-teams")
    String create(@RequestParam(name = "name", required = false) String name,
                  @RequestParam(name = "partnerId", required = false) Long partnerId,
                  @RequestParam(name = "leadUserId", required = false) Long leadUserId,
                  @RequestParam(name = "memberUserIds", required = false) List<Long> memberUserIds,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Long partner = user.isAdministrator() ? partnerId : user.partnerId();
        try {
            AccountTeam team = teams.create(new NewTeam(partner, name, leadUserId, memberUserIds), user);
            redirect.addFlashAttribute("pageAlert", "Created the team " + team.name() + ".");
            return "redirect:/admin/account-teams";
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
            return show(user, errors, name, model);
        } catch (ConflictException conflict) {
            return show(user, Map.of("name", conflict.getMessage()), name, model);
        }
    }

    private String show(CurrentUser user, Map<String, String> errors, String name, Model model) {
        Long partner = user.isAdministrator() ? null : user.partnerId();
        model.addAttribute("teams", teams.list(partner));
        model.addAttribute("staff", accounts.list(partner).stream()
                .filter(UserAccount::enabled)
                .filter(account -> account.partnerId() != null)
                .toList());
        model.addAttribute("partners", user.isAdministrator() ? directory.partners() : List.of());
        model.addAttribute("errors", errors);
        model.addAttribute("name", name == null ? "" : name);
        return "engagement/teams";
    }
}
