package org.onedoor.businesses.web;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.internal.merge.ContactJoiner;
import org.onedoor.businesses.internal.merge.DuplicateReviewService;
import org.onedoor.businesses.internal.merge.DuplicateReviewService.Pair;
import org.onedoor.businesses.internal.merge.DuplicateScanJobs;
import org.onedoor.businesses.internal.merge.EstablishmentMergeService;
import org.onedoor.businesses.internal.merge.MergeService;
import org.onedoor.businesses.internal.merge.MergeUndoService;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for the duplicate review queue and for merging two businesses. */
@RestController
@Tag(name = "Duplicates", description = "Find duplicate businesses across the database, dismiss pairs and merge them")
class MergeApiController {

    private static final java.util.Set<String> STATUSES = java.util.Set.of("OPEN", "MERGED", "DISMISSED");

    private final DuplicateReviewService review;
    private final DuplicateScanJobs scans;
    private final MergeService merges;
    private final MergeUndoService undoes;
    private final EstablishmentMergeService establishments;

    MergeApiController(DuplicateReviewService review, DuplicateScanJobs scans, MergeService merges,
                       MergeUndoService undoes, EstablishmentMergeService establishments) {
        this.establishments = establishments;
        this.review = review;
        this.scans = scans;
        this.merges = merges;
        this.undoes = undoes;
    }

    @PostMapping("/api/v1/duplicates/scan")
    @Operation(summary = "Start a background scan that adds likely duplicate pairs to the review queue",
            description = "Returns 202 with the scan's URL in Location. The scan checks businesses with ids above "
                    + "fromId (default 0) and up to toId (default: the last business). Only one scan runs at a time: "
                    + "a second request while one is queued or running gets 409 naming it. Dismissed pairs are never "
                    + "proposed again.")
    ResponseEntity<DuplicateScanJobs.ScanJob> scan(@RequestParam(name = "fromId", defaultValue = "0") long fromId,
                                                   @RequestParam(name = "toId", required = false) Long toId,
                                                   @AuthenticationPrincipal CurrentUser user) {
        DuplicateScanJobs.ScanJob job = scans.start(fromId, toId, user.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/duplicates/scans/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/duplicates/scans/{scanId}")
    @Operation(summary = "Get a duplicate scan with its progress",
            description = "status is QUEUED, RUNNING, DONE or FAILED (with failureReason); businessesScanned and "
                    + "pairsFound grow after each batch, and totalBusinesses is counted when the scan starts.")
    DuplicateScanJobs.ScanJob scanJob(@PathVariable long scanId) {
        return scans.find(scanId);
    }

    @GetMapping("/api/v1/duplicates/scans")
    @Operation(summary = "List the 20 newest duplicate scans, newest first")
    List<DuplicateScanJobs.ScanJob> scanJobs() {
        return scans.latest(20);
    }

    @GetMapping("/api/v1/duplicates")
    @Operation(summary = "List duplicate pairs by status, highest score first",
            description = "status is OPEN (default), MERGED or DISMISSED. Pages count from 0.")
    ResultPage<Pair> list(@RequestParam(name = "status", defaultValue = "OPEN") String status,
                          @RequestParam(name = "page", required = false) Integer page,
                          @RequestParam(name = "size", required = false) Integer size) {
        return review.list(checkedStatus(status), PageRequest.of(page, size));
    }

    @PostMapping("/api/v1/duplicates/{pairId}/dismiss")
    @Operation(summary = "Dismiss a pair as two different businesses, so later scans skip it")
    Pair dismiss(@PathVariable long pairId, @AuthenticationPrincipal CurrentUser user) {
        return review.dismiss(pairId, user.id());
    }

    @PostMapping("/api/v1/businesses/{survivorId}/merge")
    @Operation(summary = "Merge another business into this one",
            description = "Body {\"otherId\": 123, \"choices\": {\"legal_name\": \"other\", \"naics_code\": \"survivor\"}, "
                    + "\"keepContactsSeparate\": [45]}. Every field where both have different values needs a choice. "
                    + "Contacts that are the same person are joined into the survivor's contact, except those listed "
                    + "in keepContactsSeparate (ids of the other business's contacts). Establishments, contacts, trade "
                    + "names, source records, partner field values, provenance and history move to this business, and "
                    + "so do the other modules' rows: referrals, needs, offers, assessments, account managers, the "
                    + "contact log and planned visits (GET .../merge/{otherId}/preview lists them). The "
                    + "other business stays, marked as merged, and GET on it answers 308 to this one. Two different "
                    + "FEINs give 409.")
    MergeService.Result merge(@PathVariable long survivorId, @RequestBody MergeRequest request,
                              @AuthenticationPrincipal CurrentUser user) {
        if (request == null || request.otherId() == null) {
            throw new InvalidInputException("otherId", "otherId is missing. Send the id of the business to merge "
                    + "into business " + survivorId + ".");
        }
        Set<Long> keptSeparate = request.keepContactsSeparate() == null ? Set.of()
                : new HashSet<>(request.keepContactsSeparate());
        return merges.merge(survivorId, request.otherId(), request.choices(), keptSeparate, user.id());
    }

    @GetMapping("/api/v1/businesses/{survivorId}/merge/{otherId}/contact-pairs")
    @Operation(summary = "List the contact pairs a merge would join into one contact",
            description = "Two contacts are the same person when they have the same email address, or the same name "
                    + "and a shared phone number. Role mailboxes and generic names never count.")
    List<ContactJoiner.ContactPair> contactPairs(@PathVariable long survivorId, @PathVariable long otherId) {
        return merges.contactPairs(survivorId, otherId);
    }

    @PostMapping("/api/v1/businesses/{businessId}/establishments/merge")
    @Operation(summary = "Move one establishment into this business, or join two of its establishments",
            description = "Body {\"establishmentId\": 12} moves establishment 12, with its contacts, provenance, "
                    + "history and the source records that belong to it only, from its business to this one; the rest "
                    + "of its business stays. Body {\"establishmentId\": 12, \"intoEstablishmentId\": 10} joins "
                    + "establishment 12 into establishment 10 of this business when they are the same worksite. Undo "
                    + "with POST /api/v1/establishment-merges/{id}/undo.")
    EstablishmentMergeService.EstablishmentMerge mergeEstablishment(@PathVariable long businessId,
                                                                    @RequestBody EstablishmentMergeRequest request,
                                                                    @AuthenticationPrincipal CurrentUser user) {
        if (request == null || request.establishmentId() == null) {
            throw new InvalidInputException("establishmentId", "establishmentId is missing. Send the id of the "
                    + "establishment to move into business " + businessId + " or to join into another of its "
                    + "establishments.");
        }
        return establishments.merge(businessId, request.establishmentId(), request.intoEstablishmentId(), user.id());
    }

    @PostMapping("/api/v1/establishment-merges/{mergeId}/undo")
    @Operation(summary = "Undo an establishment merge",
            description = "Restores every row the merge changed or deleted. Gives 409 naming what changed when either "
                    + "business changed after the merge.")
    EstablishmentMergeService.EstablishmentMerge undoEstablishmentMerge(@PathVariable long mergeId,
                                                                        @AuthenticationPrincipal CurrentUser user) {
        return establishments.undo(mergeId, user.id());
    }

    /** An establishment merge request body; without {@code intoEstablishmentId} the establishment is moved. */
    record EstablishmentMergeRequest(Long establishmentId, Long intoEstablishmentId) {
    }

    @GetMapping("/api/v1/merges/{mergeId}")
    @Operation(summary = "Get a merge with every field choice and every row it moved",
            description = "movedRowCounts counts the businesses module's moved rows by table. otherModuleRows lists "
                    + "each row of another module (referrals, needs, offers, assessments, account managers, the "
                    + "contact log, campaign exclusions, contact requests) with its table, primary key and action: "
                    + "MOVED, ENDED, CLOSED, REMOVED or SET_ASIDE. Row contents are not returned, because they may "
                    + "include partner field values.")
    MergeUndoService.MergeRecord mergeRecord(@PathVariable long mergeId) {
        return undoes.record(mergeId);
    }

    @GetMapping("/api/v1/businesses/{survivorId}/merge/{otherId}/preview")
    @Operation(summary = "List what a merge would move from the other modules",
            description = "One entry per kind of row, such as referrals or needs, with the number of the other "
                    + "business's rows that move and what happens to those that collide with the survivor's.")
    List<org.onedoor.businesses.MergeParticipant.Preview> preview(@PathVariable long survivorId,
                                                                   @PathVariable long otherId) {
        return merges.preview(survivorId, otherId);
    }

    @PostMapping("/api/v1/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge",
            description = "Moves every recorded row back, including the rows of other modules, and restores the merged "
                    + "business, ended account manager assignments, closed needs and the survivor's overwritten "
                    + "fields. Gives 409 naming what changed when either business, or a moved row of another module "
                    + "such as a referral, changed after the merge.")
    MergeUndoService.MergeSummary undo(@PathVariable long mergeId, @AuthenticationPrincipal CurrentUser user) {
        return undoes.undo(mergeId, user.id());
    }

    /**
     * A merge request body. {@code choices} maps a field name to "survivor" or "other", and
     * {@code keepContactsSeparate} lists contacts of the other business that stay separate although they match one
     * of the survivor's.
     */
    record MergeRequest(Long otherId, Map<String, String> choices, List<Long> keepContactsSeparate) {
    }

    private static String checkedStatus(String status) {
        if (!STATUSES.contains(status)) {
            throw new InvalidInputException("status", "Status '" + status
                    + "' is invalid. Enter OPEN, MERGED or DISMISSED.");
        }
        return status;
    }
}
