"""
The module containing the RequestProcessor class (trimmed to the redirect
handling for this case).
"""
import re
from urllib.parse import urljoin, urlparse

_WWX_MATCH = re.compile(r"\Aww.\.")


class RequestProcessor:
    async def make_request(self):
        raise NotImplementedError

    async def _redirect(self, response_obj):
        """
        Calls the _check_redirect method of the supplied response object
        in order to determine if the http status code indicates a redirect.

        Returns:
            Response: May or may not be the result of recursive calls due
            to redirects!

        Notes:
            If it does redirect, it calls the appropriate method with the
            redirect location, returning the response object. Furthermore,
            if there is a redirect, this function is recursive in a roundabout
            way, storing the previous response object in `.history_objects`.
        """
        redirect, force_get, location = False, None, None
        if 300 <= response_obj.status_code < 400:
            if response_obj.status_code == 303:
                self.data, self.json, self.files = None, None, None
            if response_obj.status_code in [301, 305]:
                # redirect / force GET / location
                redirect = True
                force_get = False
            else:
                redirect = True
                force_get = True
            location = response_obj.headers["Location"]

        if redirect:
            allow_redirect = True
            location = urljoin(self.uri, location.strip())
            if self.auth is not None:
                if not self.auth_off_domain:
                    allow_redirect = self._location_auth_protect(location)
            self.uri = location
            l_scheme, l_netloc, *_ = urlparse(location)
            if l_scheme != self.scheme or l_netloc != self.host:
                await self._get_new_sock()

            # follow redirect with correct http method type
            if force_get:
                self.history_objects.append(response_obj)
                self.method = "GET"
            else:
                self.history_objects.append(response_obj)
            self.max_redirects -= 1

            try:
                if response_obj.headers["connection"].lower() == "close":
                    await self._get_new_sock()
            except KeyError:
                pass
            if allow_redirect:
                _, response_obj = await self.make_request()
        return response_obj

    async def _get_new_sock(self):
        """
        On 'Connection: close' headers we've to create a new connection.
        This reaches in to the parent session and pulls a switcheroo, dunking
        the current connection and requesting a new one.
        """
        self.sock._active = False
        self.sock = await self.session._grab_connection(self.uri)
        self.port = self.sock.port

    async def _location_auth_protect(self, location):
        """
        Checks to see if the new location is
            1. The same top level domain
            2. As or more secure than the current connection type

        Returns:
            True (bool): If the current top level domain is the same
                and the connection type is equally or more secure.
                False otherwise.
        """
        netloc_sans_port = self.host.split(":")[0]
        netloc_sans_port = netloc_sans_port.replace(
            (re.match(_WWX_MATCH, netloc_sans_port)[0]), ""
        )

        base_domain = ".".join(netloc_sans_port.split(".")[-2:])

        l_scheme, l_netloc, _, _, _, _ = urlparse(location)
        location_sans_port = l_netloc.split(":")[0]
        location_sans_port = location_sans_port.replace(
            (re.match(_WWX_MATCH, location_sans_port)[0]), ""
        )
        # the rest of the comparison is left out (ours: a stand-in return)
        return location_sans_port.endswith(base_domain)
