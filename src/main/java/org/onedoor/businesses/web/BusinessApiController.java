package org.onedoor.businesses.web;

import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for business search and profiles; the pages are BusinessPageController. */
@RestController
@RequestMapping("/api/v1/businesses")
@Tag(name = "Businesses", description = "Search the shared business profiles and read one profile with its sources "
        + "and history")
class BusinessApiController {

    private final BusinessSearch search;

    BusinessApiController(BusinessSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search businesses by legal name, trade name, phone, address or FEIN",
            description = "Ignores case, accents and apostrophe style and reads & as 'and'; phones match by digits in "
                    + "any format. Each item says why it matched. Without q, lists all businesses by legal name. "
                    + "Pages count from 0; size is 1 to 200, default 20.")
    ResultPage<BusinessMatch> search(@RequestParam(name = "q", required = false) String query,
                                     @RequestParam(name = "page", required = false) Integer page,
                                     @RequestParam(name = "size", required = false) Integer size) {
        return search.search(query, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a business with its trade names, establishments, source records and history")
    BusinessProfile profile(@PathVariable long id) {
        return search.findProfile(id).orElseThrow(() -> NotFoundException.of("Business", id));
    }
}
