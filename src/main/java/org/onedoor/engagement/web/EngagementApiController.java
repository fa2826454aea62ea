package org.onedoor.engagement.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.AccountManagerConflictException;
import org.onedoor.engagement.AccountTeam;
import org.onedoor.engagement.Concierge;
import org.onedoor.engagement.ContactRoute;
import org.onedoor.engagement.internal.AccountManagers;
import org.onedoor.engagement.internal.AccountManagers.Assignment;
import org.onedoor.engagement.internal.AccountTeams;
import org.onedoor.engagement.internal.AccountTeams.NewTeam;
import org.onedoor.engagement.internal.AreaSettings;
import org.onedoor.engagement.internal.AreaSettings.AreaWindow;
import org.onedoor.engagement.internal.ConciergeChoices;
import org.onedoor.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** JSON API for account managers, their teams, the concierge choice and the areas' coordination window. */
@RestController
@Tag(name = "Account managers", description = "The single point of contact of each business, its history and the "
        + "business's concierge choice")
class EngagementApiController {

    private final AccountManagers accountManagers;
    private final AccountTeams teams;
    private final ConciergeChoices concierge;
    private final AreaSettings areaSettings;

    EngagementApiController(AccountManagers accountManagers, AccountTeams teams, ConciergeChoices concierge,
                            AreaSettings areaSettings) {
        this.accountManagers = accountManagers;
        this.teams = teams;
        this.concierge = concierge;
        this.areaSettings = areaSettings;
    }

    /**
     * @param current the active account manager, or {@code null}
     * @param concierge the business's concierge choice, or {@code null} when none was recorded
     * @param history every assignment, newest first, each with the name of the one it replaced
     */
    record AccountManagerView(AccountManager current, Concierge concierge, List<HistoryEntry> history) {
    }

    /** One change of account manager: who changed it, when, from whom, to whom and why. */
    record HistoryEntry(long id, String from, String to, long changedBy, String changedByName, Instant changedAt,
                        String reason, Instant endedAt) {
    }

    /** @param handOver true to replace the active account manager; only its person or lead, or an administrator */
    record AssignmentBody(Long userId, Long teamId, String reason, Boolean handOver) {
    }

    record ConciergeBody(Boolean concierge, ContactRoute contactRoute) {
    }

    record WindowBody(Integer windowDays) {
    }

    @GetMapping("/api/v1/businesses/{id}/account-manager")
    @Operation(summary = "Read a business's account manager, its history and the concierge choice")
    AccountManagerView read(@PathVariable long id) {
        List<AccountManager> assignments = accountManagers.history(id);
        Map<Long, String> names = assignments.stream()
                .collect(Collectors.toMap(AccountManager::id, AccountManager::displayName));
        List<HistoryEntry> history = assignments.stream()
                .map(a -> new HistoryEntry(a.id(), a.previousId() == null ? null : names.get(a.previousId()),
                        a.displayName(), a.assignedBy(), a.assignedByName(), a.assignedAt(), a.reason(), a.endedAt()))
                .toList();
        AccountManager current = assignments.stream().filter(a -> a.endedAt() == null).findFirst().orElse(null);
        return new AccountManagerView(current, concierge.find(id).orElse(null), history);
    }

    @PutMapping("/api/v1/businesses/{id}/account-manager")
    @Operation(summary = "Assign or hand over a business's account manager",
            description = "Send userId for a person or teamId for a team. With no active account manager, a partner "
                    + "administrator assigns someone of their partner. While one is active the answer is 409 with "
                    + "the active one, unless handOver is true and the caller is that person or team lead, a "
                    + "partner administrator of its partner, or an administrator; a hand-over needs a reason. Both "
                    + "sides are notified.")
    AccountManager assign(@PathVariable long id, @RequestBody AssignmentBody body,
                          @AuthenticationPrincipal CurrentUser user) {
        return accountManagers.assign(id, new Assignment(body.userId(), body.teamId(), body.reason(),
                Boolean.TRUE.equals(body.handOver())), user);
    }

    @PutMapping("/api/v1/businesses/{id}/concierge")
    @Operation(summary = "Record whether the business wants concierge service, and how partners contact it")
    Concierge concierge(@PathVariable long id, @RequestBody ConciergeBody body,
                        @AuthenticationPrincipal CurrentUser user) {
        return concierge.record(id, body.concierge(), body.contactRoute(), user);
    }

    @GetMapping("/api/v1/account-teams")
    @Operation(summary = "List the account manager teams, of one partner or of all")
    List<AccountTeam> teams(@RequestParam(name = "partnerId", required = false) Long partnerId) {
        return teams.list(partnerId);
    }

    @PostMapping("/api/v1/account-teams")
    @Operation(summary = "Create an account manager team of a partner (partner administrators)")
    ResponseEntity<AccountTeam> createTeam(@RequestBody NewTeam body, @AuthenticationPrincipal CurrentUser user) {
        AccountTeam team = teams.create(body, user);
        return ResponseEntity.created(URI.create("/api/v1/account-teams?partnerId=" + team.partnerId())).body(team);
    }

    @GetMapping("/api/v1/areas/{id}/coordination-window")
    @Operation(summary = "Read an area's coordination window in days (default 30)")
    AreaWindow window(@PathVariable long id) {
        return areaSettings.window(id);
    }

    @PutMapping("/api/v1/areas/{id}/coordination-window")
    @Operation(summary = "Set an area's coordination window, 1 to 365 days (administrators)")
    AreaWindow setWindow(@PathVariable long id, @RequestBody WindowBody body, @AuthenticationPrincipal CurrentUser user) {
        return areaSettings.setWindow(id, body.windowDays(), user);
    }

    /** Returns the 409 with the active account manager, so the caller sees whom to ask for a hand-over. */
    @ExceptionHandler(AccountManagerConflictException.class)
    ResponseEntity<ProblemDetail> conflict(AccountManagerConflictException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("activeAccountManager", exception.active());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
