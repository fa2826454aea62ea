package org.onedoor.referrals.web;

import java.net.URI;

import org.onedoor.referrals.ReferralRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Returns a rejected referral send or status change as 409: problem details with {@code code} and the details as
 * members under {@code /api/}, the error page elsewhere (pages that can show the rejection in place catch it).
 */
@ControllerAdvice
class ReferralProblems {

    private static final Logger log = LoggerFactory.getLogger(ReferralProblems.class);

    @ExceptionHandler(ReferralRejectedException.class)
    Object rejected(ReferralRejectedException exception, HttpServletRequest request) {
        log.info("Request {} {} rejected with {}: {}", request.getMethod(), request.getRequestURI(), exception.code(),
                exception.getMessage());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(exception, request));
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.CONFLICT);
        page.addObject("status", 409);
        page.addObject("error", HttpStatus.CONFLICT.getReasonPhrase());
        page.addObject("message", exception.getMessage());
        return page;
    }

    static ProblemDetail problem(ReferralRejectedException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Referral rejected: " + exception.code());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", exception.code());
        exception.details().forEach(problem::setProperty);
        return problem;
    }
}
